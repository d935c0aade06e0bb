/**
 * Svelte state that follows a Y.Array of rows. `version` moves on every change inside the array (a
 * row added, a cell set, a character typed) so derived views re-read plain values; text cells bind
 * their own Y.Text and do not depend on it.
 */
import type * as Y from 'yjs';
import type { Row, Rows } from './section-doc.ts';

export class LiveRows {
	rows = $state.raw<Row[]>([]);
	version = $state(0);
	#array: Rows;
	#observer = () => this.#read();

	constructor(array: Rows) {
		this.#array = array;
		array.observeDeep(this.#observer);
		this.#read();
	}

	#read() {
		this.rows = this.#array.toArray();
		this.version++;
	}

	destroy() {
		this.#array.unobserveDeep(this.#observer);
	}
}

/** Calls `fn` (at most once per animation frame) whenever the document changes. */
export function onDocChange(doc: Y.Doc, fn: () => void): () => void {
	let scheduled = false;
	const handler = () => {
		if (scheduled) return;
		scheduled = true;
		requestAnimationFrame(() => {
			scheduled = false;
			fn();
		});
	};
	doc.on('update', handler);
	return () => doc.off('update', handler);
}

/**
 * Svelte state that follows a Y.Array of rows. `version` moves on every change inside the array (a
 * row added, a cell set, a character typed) so derived views re-read plain values; text cells bind
 * their own Y.Text and do not depend on it.
 */
import type * as Y from 'yjs';
import { readBlockRows, type Row, type Rows } from './section-doc.ts';

export class LiveRows {
	/** The rows that can be read (Y.Maps); `bad` holds the 1-based positions of any others. */
	rows = $state.raw<Row[]>([]);
	bad = $state.raw<number[]>([]);
	version = $state(0);
	#array: Rows;
	#observer = () => this.#read();

	constructor(array: Rows) {
		this.#array = array;
		array.observeDeep(this.#observer);
		this.#read();
	}

	#read() {
		const { rows, bad } = readBlockRows(this.#array);
		this.rows = rows;
		this.bad = bad;
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

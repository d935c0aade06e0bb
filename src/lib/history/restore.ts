/**
 * Restoring a past state as a new change (the technique Yjs's author describes for reverting to a
 * snapshot): on a copy of the past state, apply everything that happened since as one tracked
 * transaction, undo it with an UndoManager, and the undo's own update — new items re-creating what
 * was deleted, deletions of what was added — applied to the live document brings it back to the
 * past content. Nothing is rewritten: it is an ordinary edit, so everyone connected sees it, the
 * log keeps both sides, and restoring the state before it undoes the restore.
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT, DATA_MAP } from '../editor/fragments.ts';

const REVERT = 'lantu-revert';

/** Declares a top-level type of a section document by its name (see fragments.ts, section-doc.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- UndoManager scopes any type
function defineRoot(doc: Y.Doc, name: string): Y.AbstractType<any> | null {
	if (name === BODY_FRAGMENT || name.startsWith('item:')) return doc.getXmlFragment(name);
	if (name.startsWith('block:')) return doc.getArray(name);
	if (name === DATA_MAP) return doc.getMap(name);
	return null;
}

/**
 * The update that turns `current` into `past`'s content. `past` must be a causal prefix of
 * `current` (the log replayed up to a point) built with `gc: false`; it is consumed.
 */
export function revertUpdate(current: Y.Doc, past: Y.Doc): Uint8Array {
	const currentVector = Y.encodeStateVector(current);
	const since = Y.encodeStateAsUpdate(current, Y.encodeStateVector(past));
	const names = new Set([...current.share.keys(), ...past.share.keys()]);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
	const scope: Y.AbstractType<any>[] = [];
	for (const name of names) {
		const type = defineRoot(past, name);
		if (type) scope.push(type);
	}
	const undo = new Y.UndoManager(scope, { trackedOrigins: new Set([REVERT]), captureTimeout: 0 });
	Y.applyUpdate(past, since, REVERT);
	undo.undo();
	undo.destroy();
	return Y.encodeStateAsUpdate(past, currentVector);
}

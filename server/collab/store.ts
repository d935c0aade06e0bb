/**
 * SQLite storage of Yjs documents: snapshot + update log (see extensions/persistence.ts for why;
 * compactor.ts writes the snapshots).
 * Prepared statements are made once; every call is a short synchronous write.
 */
import * as Y from 'yjs';
import type { Db } from '../../src/lib/server/db/index.ts';

export interface PendingUpdate {
	name: string;
	update: Uint8Array;
	userId: number | null;
	at: number;
}

export interface DocumentStore {
	/** Applies the stored state of `name` to `doc`; throws when it cannot. */
	load(name: string, doc: Y.Doc): void;
	/** The stored state as one Yjs update (an empty one for a document never written). */
	state(name: string): Uint8Array;
	append(name: string, update: Uint8Array, userId: number | null): void;
	/** Appends several updates in one transaction: all of them or, if it throws, none. */
	appendMany(updates: PendingUpdate[]): void;
}

export function createDocumentStore(db: Db): DocumentStore {
	const sqlite = db.$client;
	const snapshot = sqlite.prepare<[string], { state: Buffer; last_update_id: number }>(
		'SELECT state, last_update_id FROM document_snapshots WHERE name = ?'
	);
	const updatesAfter = sqlite.prepare<[string, number], { update: Buffer }>(
		'SELECT "update" FROM document_updates WHERE name = ? AND id > ? ORDER BY id'
	);
	const insertUpdate = sqlite.prepare<[string, Buffer, number | null, number]>(
		'INSERT INTO document_updates (name, "update", user_id, at) VALUES (?, ?, ?, ?)'
	);
	const insertMany = sqlite.transaction((updates: PendingUpdate[]) => {
		for (const u of updates) insertUpdate.run(u.name, Buffer.from(u.update), u.userId, u.at);
	});
	/** Snapshot and later updates merged into one update; undefined when nothing is stored. */
	function merged(name: string): Uint8Array | undefined {
		const base = snapshot.get(name);
		const updates = updatesAfter.all(name, base?.last_update_id ?? 0).map((r) => r.update);
		const all = base ? [base.state, ...updates] : updates;
		if (all.length === 0) return undefined;
		return Y.mergeUpdates(all.map((b) => new Uint8Array(b)));
	}
	return {
		load(name, doc) {
			// Merged first so a corrupt row fails here, before anything touches the live document.
			const update = merged(name);
			if (update) Y.applyUpdate(doc, update, 'persistence');
		},
		state(name) {
			return merged(name) ?? Y.encodeStateAsUpdate(new Y.Doc());
		},
		append(name, update, userId) {
			insertUpdate.run(name, Buffer.from(update), userId, Date.now());
		},
		appendMany(updates) {
			insertMany(updates);
		}
	};
}

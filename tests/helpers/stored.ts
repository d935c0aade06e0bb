/** Reading what the server stored, straight from its database (as an operator could). */
import * as Y from 'yjs';
import { withTestDb, type DatabaseLocation } from './db.ts';

/** A section's stored state (snapshot and log), read straight from the server's database. */
export function storedDocument(server: DatabaseLocation, name: string): Y.Doc {
	return withTestDb(
		server,
		(db) => {
			const doc = new Y.Doc();
			const snapshot = db
				.prepare<[string], { state: Uint8Array }>(
					'SELECT state FROM document_snapshots WHERE name = ?'
				)
				.get(name);
			if (snapshot) Y.applyUpdate(doc, snapshot.state);
			const rows = db
				.prepare<[string], { update: Uint8Array }>(
					'SELECT "update" FROM document_updates WHERE name = ? ORDER BY id'
				)
				.all(name);
			for (const row of rows) Y.applyUpdate(doc, row.update);
			return doc;
		},
		{ readonly: true }
	);
}

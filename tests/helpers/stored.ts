/** Reading what the server stored, straight from its SQLite file (as an operator could). */
import Database from 'better-sqlite3';
import * as Y from 'yjs';

/** A section's stored state (snapshot and log), read straight from the database file. */
export function storedDocument(databasePath: string, name: string): Y.Doc {
	const db = new Database(databasePath, { readonly: true });
	try {
		const doc = new Y.Doc();
		const snapshot = db
			.prepare<[string], { state: Buffer }>('SELECT state FROM document_snapshots WHERE name = ?')
			.get(name);
		if (snapshot) Y.applyUpdate(doc, snapshot.state);
		const rows = db
			.prepare<[string], { update: Buffer }>(
				'SELECT "update" FROM document_updates WHERE name = ? ORDER BY id'
			)
			.all(name);
		for (const row of rows) Y.applyUpdate(doc, row.update);
		return doc;
	} finally {
		db.close();
	}
}

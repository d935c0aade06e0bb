/**
 * SQLite storage of Yjs documents: snapshot + update log (see extensions/persistence.ts for why;
 * compactor.ts writes the snapshots). Every row carries the SHA-256 of its bytes, checked on every
 * read (integrity.ts says what a mismatch leads to).
 * Prepared statements are made once; every call is a short synchronous write.
 */
import * as Y from 'yjs';
import type { Db } from '../db/index.ts';
import { PgSyncDatabase } from '../db/pg/bridge.ts';
import { intact, IntegrityError, sha256Hex } from './integrity.ts';

export interface PendingUpdate {
	name: string;
	update: Uint8Array;
	userId: number | null;
	at: number;
}

/** A checksum mismatch the store noticed: what it was and what it did about it. */
export interface IntegrityReport {
	documentName: string;
	table: 'document_snapshots' | 'document_updates';
	id?: number;
	/** `rebuilt`: served from the whole log instead; `refused`: the document was not served. */
	outcome: 'rebuilt' | 'refused';
}

export interface DocumentStore {
	/** Applies the stored state of `name` to `doc`; throws when it cannot. */
	load(name: string, doc: Y.Doc): void;
	/** The stored state as one Yjs update (an empty one for a document never written). */
	state(name: string): Uint8Array;
	append(name: string, update: Uint8Array, userId: number | null): void;
	/** Appends several updates in one transaction: all of them or, if it throws, none. */
	appendMany(updates: PendingUpdate[]): void;
	/**
	 * PostgreSQL only: appends without blocking the event loop; resolves once stored. Statements
	 * issued after it run after it (one connection). Undefined on SQLite, where appendMany is cheap.
	 */
	appendLater?(updates: PendingUpdate[]): Promise<void> | undefined;
}

interface LogRow {
	id: number;
	update: Buffer;
	hash: string | null;
}

/** The store's prepared statements, made once. */
function statements(sqlite: Db['$client']) {
	return {
		snapshot: sqlite.prepare<
			[string],
			{ state: Buffer; last_update_id: number; hash: string | null }
		>('SELECT state, last_update_id, hash FROM document_snapshots WHERE name = ?'),
		updatesAfter: sqlite.prepare<[string, number], LogRow>(
			'SELECT id, "update", hash FROM document_updates WHERE name = ? AND id > ? ORDER BY id'
		),
		insertUpdate: sqlite.prepare<[string, Buffer, number | null, number, string]>(
			'INSERT INTO document_updates (name, "update", user_id, at, hash) VALUES (?, ?, ?, ?, ?)'
		),
		backfillUpdate: sqlite.prepare<[string, number]>(
			'UPDATE document_updates SET hash = ? WHERE id = ? AND hash IS NULL'
		),
		backfillSnapshot: sqlite.prepare<[string, string]>(
			'UPDATE document_snapshots SET hash = ? WHERE name = ? AND hash IS NULL'
		)
	};
}

export function createDocumentStore(
	db: Db,
	onIntegrity: (report: IntegrityReport) => void = () => {}
): DocumentStore {
	const sqlite = db.$client;
	const { snapshot, updatesAfter, insertUpdate, backfillUpdate, backfillSnapshot } =
		statements(sqlite);
	function insert(name: string, update: Uint8Array, userId: number | null, at: number) {
		insertUpdate.run(name, Buffer.from(update), userId, at, sha256Hex(update));
	}
	const insertMany = sqlite.transaction((updates: PendingUpdate[]) => {
		if (sqlite instanceof PgSyncDatabase) insertRows(sqlite, updates);
		else for (const u of updates) insert(u.name, u.update, u.userId, u.at);
	});

	/** The rows once each matches its checksum; throws (and reports) at the first that does not. */
	function verifiedLog(name: string, after: number): LogRow[] {
		const rows = updatesAfter.all(name, after);
		for (const row of rows) {
			if (!intact(row.update, row.hash)) {
				onIntegrity({
					documentName: name,
					table: 'document_updates',
					id: row.id,
					outcome: 'refused'
				});
				throw new IntegrityError(name, { table: 'document_updates', id: row.id });
			}
			if (row.hash === null) backfillUpdate.run(sha256Hex(row.update), row.id);
		}
		return rows;
	}

	/** Snapshot and later updates merged into one update; undefined when nothing is stored. */
	function merged(name: string): Uint8Array | undefined {
		const base = snapshot.get(name);
		if (base && !intact(base.state, base.hash)) {
			// Derived data gone bad: the whole log still holds the truth (integrity.ts) — if it
			// holds the rows the snapshot folded in at all (a snapshot written without a log, as
			// an import could, cannot be rebuilt: refused rather than served empty).
			const rows = verifiedLog(name, 0);
			if (!rows.some((row) => row.id <= base.last_update_id)) {
				onIntegrity({ documentName: name, table: 'document_snapshots', outcome: 'refused' });
				throw new IntegrityError(name, { table: 'document_snapshots' });
			}
			onIntegrity({ documentName: name, table: 'document_snapshots', outcome: 'rebuilt' });
			return Y.mergeUpdates(rows.map((r) => new Uint8Array(r.update)));
		}
		if (base && base.hash === null) backfillSnapshot.run(sha256Hex(base.state), name);
		const updates = verifiedLog(name, base?.last_update_id ?? 0).map((r) => r.update);
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
			insert(name, update, userId, Date.now());
		},
		appendMany(updates) {
			// On PostgreSQL one multi-row INSERT is atomic by itself: a turn that fits one statement
			// commits in one round trip, without BEGIN, the writer lock and COMMIT around it (the
			// log's order comes from its sequence, not from who writes first).
			if (
				sqlite instanceof PgSyncDatabase &&
				updates.length <= ROWS_PER_INSERT &&
				!sqlite.inTransaction
			)
				insertRows(sqlite, updates);
			else insertMany(updates);
		},
		appendLater:
			sqlite instanceof PgSyncDatabase
				? (updates) => {
						// Inside a transaction the statements are the transaction's: appendMany does it.
						if (sqlite.inTransaction) return undefined;
						return insertRowsLater(sqlite, updates);
					}
				: undefined
	};
}

/**
 * The same INSERTs sent without waiting. Each chunk commits by itself: a failure of one leaves the
 * others stored, which is harmless (a Yjs update applies once however often it is stored) and is
 * answered as a failure of the whole batch (its documents reload from the store).
 */
async function insertRowsLater(db: PgSyncDatabase, updates: PendingUpdate[]): Promise<void> {
	const sent: Promise<unknown>[] = [];
	for (let start = 0; start < updates.length; start += ROWS_PER_INSERT) {
		const { sql, params } = insertStatement(updates.slice(start, start + ROWS_PER_INSERT));
		sent.push(db.runAsync(sql, params));
	}
	await Promise.all(sent);
}

/** Rows per INSERT on PostgreSQL: one round trip per chunk instead of one per update. */
const ROWS_PER_INSERT = 64;

/**
 * A turn's updates as multi-row INSERTs. On SQLite a statement costs microseconds; on PostgreSQL
 * each is a round trip, and the group commit's turn may hold hundreds of updates.
 */
function insertRows(db: PgSyncDatabase, updates: PendingUpdate[]) {
	for (let start = 0; start < updates.length; start += ROWS_PER_INSERT) {
		const { sql, params } = insertStatement(updates.slice(start, start + ROWS_PER_INSERT));
		db.prepare(sql).run(...params);
	}
}

/** One multi-row INSERT of the update log. */
function insertStatement(chunk: PendingUpdate[]): { sql: string; params: unknown[] } {
	const tuples = chunk.map(() => '(?, ?, ?, ?, ?)').join(', ');
	const params = chunk.flatMap((u) => [
		u.name,
		Buffer.from(u.update),
		u.userId,
		u.at,
		sha256Hex(u.update)
	]);
	return {
		sql: `INSERT INTO document_updates (name, "update", user_id, at, hash) VALUES ${tuples}`,
		params
	};
}

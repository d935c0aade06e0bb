/**
 * Compaction off the event loop. Folding a section's update log into its snapshot means encoding
 * the whole document — for a 5 MB section tens of milliseconds, and then writing it — which on the
 * main thread stalls every other client. A worker thread with a database connection of its own
 * rebuilds the state from snapshot + log and writes the new snapshot, recording as its watermark
 * (`last_update_id`) the highest log id it folded. Updates appended meanwhile get higher ids, so
 * nothing is lost. It never deletes log rows: the log is the sections' history (history.ts).
 *
 * One fold for both databases (`fold` in the worker below), over a small statement interface that
 * each database's adapter implements (`get`/`all`/`run`, all async; SQLite's wrap its synchronous
 * statements). What differs is only:
 * - the connection: better-sqlite3 on the file (WAL lets it work beside the main thread's), or an
 *   asynchronous `pg` client (DATABASE_URL);
 * - one compactor per section across instances: on SQLite a lease row (compaction_leases: holder,
 *   expiry; a holder that dies leaves a lease that expires after LEASE_MS), on PostgreSQL a session
 *   advisory lock (7807, hashtext(name)) that PostgreSQL releases itself if the holder dies. A fold
 *   already in progress elsewhere makes this request a no-op (`busy`): the other one writes it;
 * - the log's order (`settled`): SQLite has one writer and gives ids in commit order, so a reader
 *   sees every id below the ones it sees. PostgreSQL gives ids from a sequence to appends that
 *   commit in any order: an append can hold id N uncommitted while N+1 is visible, and a watermark
 *   of N+1 would hide N forever. Every INSERT into the log holds a shared advisory lock
 *   (ORDER_LOCK, drizzle-pg/0006) from before its ids are drawn until it commits; the fold takes
 *   the same lock exclusively, which waits for the appends in flight, reads the section's highest
 *   id under it, commits, and folds the rows up to that id: every one of them is committed, and
 *   appends that start later draw higher ids (docs/POSTGRES.md, "The update log's order");
 * - the checkpoint: on SQLite the worker checkpoints the WAL every CHECKPOINT_MS (copies committed
 *   pages into the database file and syncs it). SQLite would otherwise do that inside whichever
 *   commit pushes the WAL past 1000 pages — on the event loop, every second or two under load, for
 *   5–30 ms each on a small VM. The collab server turns the automatic checkpoint off for its
 *   connection (storage.ts); a PASSIVE checkpoint here never waits for or blocks a writer.
 *   Durability does not depend on it: a commit is durable in the WAL. PostgreSQL checkpoints itself.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.ts';
import { ORDER_LOCK, ORDER_WAIT_MS } from '../db/log-order.ts';
import type { IntegrityReport } from './store.ts';

// CommonJS so the eval'd worker can `require` from the project's node_modules. Requests are
// handled one at a time, in arrival order.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const Y = require('yjs');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
// A row without a hash predates the checksums (integrity.ts): accepted.
const intact = (bytes, hash) => hash === null || sha256(bytes) === hash;

// The fold's statements, written once: '?' placeholders (numbered for PostgreSQL by its adapter).
const SQL = {
	snapshot: 'SELECT state, last_update_id, hash FROM document_snapshots WHERE name = ?',
	updatesBetween: 'SELECT id, "update", hash FROM document_updates WHERE name = ? AND id > ? AND id <= ? ORDER BY id',
	settled: 'SELECT coalesce(max(id), 0) AS id FROM document_updates WHERE name = ?',
	snapshotSize: 'SELECT length(state) AS bytes, last_update_id FROM document_snapshots WHERE name = ?',
	logSize: 'SELECT count(*) AS rows, coalesce(sum(length("update")), 0) AS bytes FROM document_updates WHERE name = ? AND id > ?',
	upsert: \`INSERT INTO document_snapshots (name, state, last_update_id, updated_at, hash) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(name) DO UPDATE SET state = excluded.state, last_update_id = excluded.last_update_id, updated_at = excluded.updated_at, hash = excluded.hash\`
};

/** The SQLite file: synchronous statements behind the async interface; a lease row per section. */
function sqliteAdapter() {
	const Database = require('better-sqlite3');
	const db = new Database(workerData.path);
	db.pragma('busy_timeout = 5000');
	const prepared = new Map();
	const statement = (text) => {
		if (!prepared.has(text)) prepared.set(text, db.prepare(text));
		return prepared.get(text);
	};
	// Taken when free, expired or already ours; released by its holder only.
	const takeLease = db.prepare(\`INSERT INTO compaction_leases (name, holder, expires_at) VALUES (?, ?, ?)
		ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
		WHERE compaction_leases.expires_at < ? OR compaction_leases.holder = excluded.holder\`);
	const dropLease = db.prepare('DELETE FROM compaction_leases WHERE name = ? AND holder = ?');
	setInterval(() => {
		try {
			db.pragma('wal_checkpoint(PASSIVE)');
		} catch (error) {
			parentPort.postMessage({ name: '', error: 'checkpoint: ' + String(error && error.stack || error) });
		}
	}, workerData.checkpointMs);
	const statements = {
		get: async (text, params) => statement(text).get(...params),
		all: async (text, params) => statement(text).all(...params),
		run: async (text, params) => { statement(text).run(...params); }
	};
	return {
		...statements,
		claim: async (name) => {
			const now = Date.now();
			return takeLease.run(name, workerData.holder, now + workerData.leaseMs, now).changes === 1;
		},
		release: async (name) => { dropLease.run(name, workerData.holder); },
		// One writer, ids in commit order: every id below a visible one is visible.
		settled: async (name) => statement(SQL.settled).get(name).id
	};
}

/** PostgreSQL: an asynchronous client of the worker's own; advisory locks per section and for order. */
function postgresAdapter() {
	const { Client, types } = require('pg');
	types.setTypeParser(20, (v) => Number(v));
	types.setTypeParser(1700, (v) => Number(v));
	let client;
	async function connection() {
		if (client) return client;
		const next = new Client({ connectionString: workerData.url, application_name: 'lantu-compactor', connectionTimeoutMillis: 5000 });
		next.on('error', () => { if (client === next) client = undefined; });
		await next.connect();
		await next.query('SET lock_timeout = ' + workerData.lockTimeoutMs);
		client = next;
		return next;
	}
	const numbered = (text) => { let n = 0; return text.replace(/\\?/g, () => '$' + ++n); };
	async function q(text, params) {
		const c = await connection();
		try {
			return await c.query(numbered(text), params);
		} catch (error) {
			if (!c._connected && client === c) client = undefined;
			throw error;
		}
	}
	const statements = {
		get: async (text, params) => (await q(text, params)).rows[0],
		all: async (text, params) => (await q(text, params)).rows,
		run: async (text, params) => { await q(text, params); }
	};
	return {
		...statements,
		claim: async (name) => (await statements.get('SELECT pg_try_advisory_lock(7807, hashtext(?)) AS ok', [name])).ok === true,
		// A session lock: gone with its session if this connection broke.
		release: async (name) => { await statements.run('SELECT pg_advisory_unlock(7807, hashtext(?))', [name]); },
		// The order lock taken exclusively waits for every append in flight to commit; appends that
		// start later wait for this transaction and draw higher ids. Appends arriving while it waits
		// queue behind it, so it waits orderWaitMs at most, and holds it for one indexed lookup.
		async settled(name) {
			const c = await connection();
			try {
				await c.query('BEGIN; SET LOCAL lock_timeout = ' + Number(workerData.orderWaitMs) +
					'; SELECT pg_advisory_xact_lock(' + Number(workerData.orderLock) + ')');
				const { rows } = await c.query(numbered(SQL.settled), [name]);
				await c.query('COMMIT');
				return rows[0].id;
			} catch (error) {
				await c.query('ROLLBACK').catch(() => {});
				if (!c._connected && client === c) client = undefined;
				throw error;
			}
		}
	};
}

const db = workerData.url ? postgresAdapter() : sqliteAdapter();
let chain = Promise.resolve();
parentPort.on('message', (message) => {
	chain = chain.then(() => compact(message));
});

async function compact({ name, force }) {
	let claimed = false;
	try {
		claimed = await db.claim(name);
		if (!claimed) return parentPort.postMessage({ name, folded: 0, busy: true });
		parentPort.postMessage({ name, ...(await fold(name, force)) });
	} catch (error) {
		// PostgreSQL's lock_timeout (on the order lock: appends in flight for that long): nothing
		// written, asked again with the section's next store or unload.
		if (error && error.code === '55P03') return parentPort.postMessage({ name, folded: 0, late: true });
		parentPort.postMessage({ name, error: String(error && error.stack || error) });
	} finally {
		if (claimed) {
			try { await db.release(name); } catch { /* expires, or went with its session */ }
		}
	}
}

/** The fold, the same on both databases: what it did, as the message to the main thread. */
async function fold(name, force) {
	// Folding a big section while it is edited costs a full decode and encode and a write of the
	// whole state (on SQLite holding the write lock the event loop's commits wait on): only do it
	// when the log has grown enough to matter for the next load, or on unload.
	const meta = await db.get(SQL.snapshotSize, [name]);
	const pending = await db.get(SQL.logSize, [name, meta ? meta.last_update_id : 0]);
	if (pending.rows === 0 && !force) return { folded: 0 };
	const worthIt = pending.rows >= workerData.minRows ||
		pending.bytes >= Math.max(workerData.minBytes, (meta ? meta.bytes : 0) / 4);
	if (!force && !worthIt) return { folded: 0 };
	const stored = await db.get(SQL.snapshot, [name]);
	// A snapshot that fails its checksum is never folded into a new one: the new one is replayed
	// from the whole log instead (the log is never truncated).
	const rebuilt = Boolean(stored && !intact(stored.state, stored.hash));
	const base = rebuilt ? undefined : stored;
	const after = base ? base.last_update_id : 0;
	// Up to the highest id below which every row is committed (the file comment: the log's order).
	const upTo = await db.settled(name);
	const rows = upTo > after ? await db.all(SQL.updatesBetween, [name, after, upTo]) : [];
	// A bad snapshot whose rows are not in the log cannot be rebuilt: left for an operator.
	if (rebuilt && !rows.some((row) => row.id <= stored.last_update_id))
		return { corrupt: { table: 'document_snapshots' } };
	if (rows.length === 0) return { folded: 0 };
	const bad = rows.find((row) => !intact(row.update, row.hash));
	if (bad) return { corrupt: { table: 'document_updates', id: bad.id } };
	const doc = new Y.Doc();
	if (base) Y.applyUpdate(doc, base.state);
	for (const row of rows) Y.applyUpdate(doc, row.update);
	// Encoding from a Y.Doc garbage-collects deleted content, unlike merging raw updates.
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	await db.run(SQL.upsert, [name, Buffer.from(state), rows[rows.length - 1].id, Date.now(), sha256(state)]);
	return { folded: rows.length, rebuilt };
}
`;

/** Where the compactor reads and writes: the SQLite file, or PostgreSQL's URL. */
export type CompactorDatabase = { path: string } | { url: string };

export interface Compactor {
	/**
	 * Asks for `name` to be compacted; repeated requests while one is queued collapse into one.
	 * Unless `force` (the document is being unloaded), a short log is left for later.
	 */
	request(name: string, force?: boolean): void;
	stop(): Promise<void>;
}

/** How often the worker checkpoints the WAL. */
export const CHECKPOINT_MS = 1000;
/** A live document is compacted once its log holds this many updates, or this many bytes (and a quarter of its snapshot). */
export const COMPACT_MIN_ROWS = 2000;
export const COMPACT_MIN_BYTES = 256 * 1024;
/** How long a compaction lease lasts: far longer than any fold, short enough to outlive a crash. */
export const LEASE_MS = 60_000;
/** PostgreSQL: how long a statement waits for a lock (a snapshot row) before giving up. */
export const LOCK_TIMEOUT_MS = 10_000;

interface CompactorMessage {
	name: string;
	folded?: number;
	rebuilt?: boolean;
	/** Another instance holds this section's lease: it folds, this one did nothing. */
	busy?: boolean;
	/** PostgreSQL: appends in flight held the order lock past ORDER_WAIT_MS; nothing written. */
	late?: boolean;
	corrupt?: { table: 'document_updates' | 'document_snapshots'; id?: number };
	error?: string;
}

export function createCompactor(
	database: CompactorDatabase,
	log: Logger,
	onIntegrity?: (report: IntegrityReport) => void,
	/** Runs once the worker exists: from then on it checkpoints the WAL (see the file comment). */
	onStart?: () => void,
	holder = `${hostname()}:${process.pid}:${randomUUID()}`
): Compactor {
	const queued = new Set<string>();
	let worker: Worker | undefined;
	/** The worker (an isolate of its own, ~15 MB) starts with the first compaction, not at boot. */
	function started(): Worker {
		if (worker) return worker;
		worker = new Worker(WORKER_SOURCE, {
			eval: true,
			// Its work is short bursts; a small young generation keeps its idle footprint small.
			resourceLimits: { maxYoungGenerationSizeMb: 8 },
			workerData: {
				...database,
				checkpointMs: CHECKPOINT_MS,
				minRows: COMPACT_MIN_ROWS,
				minBytes: COMPACT_MIN_BYTES,
				leaseMs: LEASE_MS,
				lockTimeoutMs: LOCK_TIMEOUT_MS,
				orderLock: ORDER_LOCK,
				orderWaitMs: ORDER_WAIT_MS,
				holder
			}
		});
		worker.unref();
		worker.on('message', (message: CompactorMessage) => report(message));
		worker.on('error', (error) => log.error({ err: error }, 'compactor crashed'));
		// A crashed worker is started again by the next request; what it had queued is asked again.
		worker.on('exit', () => {
			worker = undefined;
			queued.clear();
		});
		onStart?.();
		return worker;
	}
	function report(message: CompactorMessage) {
		queued.delete(message.name);
		if (message.corrupt) {
			// Not folded: a log row fails its checksum (integrity.ts). Loading refuses it too.
			log.error(
				{ documentName: message.name, ...message.corrupt },
				'compaction refused: corrupt log row'
			);
			onIntegrity?.({ documentName: message.name, ...message.corrupt, outcome: 'refused' });
		} else if (message.rebuilt) {
			log.error(
				{ documentName: message.name },
				'corrupt snapshot replaced by one rebuilt from the log'
			);
		}
		if (message.error && !message.name) log.error({ err: message.error }, 'checkpoint failed');
		else if (message.error)
			log.error({ documentName: message.name, err: message.error }, 'compaction failed');
		else if (message.busy) log.debug({ documentName: message.name }, 'compaction held elsewhere');
		else if (message.late)
			log.warn({ documentName: message.name }, 'compaction left for later: appends in flight');
		else log.debug({ documentName: message.name, folded: message.folded }, 'compacted');
	}
	return {
		request(name, force = false) {
			if (queued.has(name) && !force) return;
			queued.add(name);
			started().postMessage({ name, force });
		},
		async stop() {
			await worker?.terminate();
		}
	};
}

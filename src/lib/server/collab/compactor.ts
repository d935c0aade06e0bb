/**
 * Compaction off the event loop. Folding a section's update log into its snapshot means encoding
 * the whole document — for a 5 MB section tens of milliseconds, and then writing it — which on the
 * main thread stalls every other client. A worker thread with its own SQLite connection (WAL lets
 * both work at once) rebuilds the state from snapshot + log and writes the new snapshot. Updates
 * appended meanwhile have higher ids than the watermark it records, so nothing is lost.
 *
 * The worker also checkpoints the WAL (copies committed pages into the database file and syncs it).
 * SQLite would otherwise do that inside whichever commit pushes the WAL past 1000 pages — on the
 * event loop, every second or two under load, for 5–30 ms each on a small VM. The collab server
 * turns the automatic checkpoint off for its connection (index.ts); a PASSIVE checkpoint here never
 * waits for or blocks a writer. Durability does not depend on it: a commit is durable in the WAL.
 * It never deletes log rows: the log is the sections' history (src/lib/server/history.ts).
 *
 * Several instances may share the store (docs/DEPLOY.md): each has its own compactor, and a lease
 * row (compaction_leases: holder, expiry) lets only one of them fold a given section at a time. A
 * fold already in progress elsewhere makes this request a no-op — the other one writes the snapshot.
 * A holder that dies leaves a lease that expires after LEASE_MS.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.ts';
import type { IntegrityReport } from './store.ts';

// CommonJS so the eval'd worker can `require` from the project's node_modules.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const Database = require('better-sqlite3');
const Y = require('yjs');
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
// A row without a hash predates the checksums (integrity.ts): accepted.
const intact = (bytes, hash) => hash === null || sha256(bytes) === hash;
const snapshot = db.prepare('SELECT state, last_update_id, hash FROM document_snapshots WHERE name = ?');
const updatesAfter = db.prepare('SELECT id, "update", hash FROM document_updates WHERE name = ? AND id > ? ORDER BY id');
const snapshotSize = db.prepare('SELECT length(state) AS bytes, last_update_id FROM document_snapshots WHERE name = ?');
const logSize = db.prepare('SELECT count(*) AS rows, coalesce(sum(length("update")), 0) AS bytes FROM document_updates WHERE name = ? AND id > ?');
// Taken when free, expired or already ours; released by its holder only.
const takeLease = db.prepare(\`INSERT INTO compaction_leases (name, holder, expires_at) VALUES (?, ?, ?)
	ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
	WHERE compaction_leases.expires_at < ? OR compaction_leases.holder = excluded.holder\`);
const dropLease = db.prepare('DELETE FROM compaction_leases WHERE name = ? AND holder = ?');
const upsert = db.prepare(\`INSERT INTO document_snapshots (name, state, last_update_id, updated_at, hash) VALUES (?, ?, ?, ?, ?)
	ON CONFLICT(name) DO UPDATE SET state = excluded.state, last_update_id = excluded.last_update_id, updated_at = excluded.updated_at, hash = excluded.hash\`);
setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch (error) {
		parentPort.postMessage({ name: '', error: 'checkpoint: ' + String(error && error.stack || error) });
	}
}, workerData.checkpointMs);
parentPort.on('message', ({ name, force }) => {
	const now = Date.now();
	let leased = false;
	try {
		leased = takeLease.run(name, workerData.holder, now + workerData.leaseMs, now).changes === 1;
		if (!leased) return parentPort.postMessage({ name, folded: 0, busy: true });
		postFold(name, force);
	} catch (error) {
		parentPort.postMessage({ name, error: String(error && error.stack || error) });
	} finally {
		if (leased) {
			try { dropLease.run(name, workerData.holder); } catch { /* expires on its own */ }
		}
	}
});
function postFold(name, force) {
	{
		// Folding a big section while it is edited costs a full decode and encode and a write of
		// the whole state, which holds SQLite's write lock (the event loop's commits wait on it):
		// only do it when the log has grown enough to matter for the next load, or on unload.
		const meta = snapshotSize.get(name);
		const pending = logSize.get(name, meta ? meta.last_update_id : 0);
		if (pending.rows === 0 && !force) return parentPort.postMessage({ name, folded: 0 });
		const worthIt = pending.rows >= workerData.minRows ||
			pending.bytes >= Math.max(workerData.minBytes, (meta ? meta.bytes : 0) / 4);
		if (!force && !worthIt) return parentPort.postMessage({ name, folded: 0 });
		let base = snapshot.get(name);
		// A snapshot that fails its checksum is never folded into a new one: the new one is
		// replayed from the whole log instead (the log is never truncated).
		const rebuilt = Boolean(base && !intact(base.state, base.hash));
		const folded = rebuilt ? base.last_update_id : 0;
		if (rebuilt) base = undefined;
		const rows = updatesAfter.all(name, base ? base.last_update_id : 0);
		// A bad snapshot whose rows are not in the log cannot be rebuilt: left for an operator.
		if (rebuilt && !rows.some((row) => row.id <= folded))
			return parentPort.postMessage({ name, corrupt: { table: 'document_snapshots' } });
		if (rows.length === 0) return parentPort.postMessage({ name, folded: 0 });
		const bad = rows.find((row) => !intact(row.update, row.hash));
		if (bad) return parentPort.postMessage({ name, corrupt: { table: 'document_updates', id: bad.id } });
		const doc = new Y.Doc();
		if (base) Y.applyUpdate(doc, base.state);
		for (const row of rows) Y.applyUpdate(doc, row.update);
		// Encoding from a Y.Doc garbage-collects deleted content, unlike merging raw updates.
		const state = Y.encodeStateAsUpdate(doc);
		upsert.run(name, Buffer.from(state), rows[rows.length - 1].id, Date.now(), sha256(state));
		doc.destroy();
		parentPort.postMessage({ name, folded: rows.length, rebuilt });
	}
}
`;

/**
 * The same fold against PostgreSQL (DATABASE_URL): an asynchronous `pg` client of the worker's own,
 * one request at a time in arrival order. PostgreSQL checkpoints itself; instead of the lease row,
 * a per-section advisory lock keeps one compactor per section across instances.
 */
const PG_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { Client, types } = require('pg');
const Y = require('yjs');
types.setTypeParser(20, (v) => Number(v));
types.setTypeParser(1700, (v) => Number(v));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const intact = (bytes, hash) => hash === null || sha256(bytes) === hash;
let client;
async function connection() {
	if (client) return client;
	const next = new Client({ connectionString: workerData.url, application_name: 'lantu-compactor', connectionTimeoutMillis: 5000 });
	next.on('error', () => { if (client === next) client = undefined; });
	await next.connect();
	await next.query('SET lock_timeout = 10000');
	client = next;
	return next;
}
async function q(text, values) {
	const c = await connection();
	try {
		return await c.query(text, values);
	} catch (error) {
		if (!c._connected) client = undefined;
		throw error;
	}
}
const one = async (text, values) => (await q(text, values)).rows[0];
let chain = Promise.resolve();
parentPort.on('message', (message) => {
	chain = chain.then(() => compact(message));
});
async function compact({ name, force }) {
	let locked = false;
	try {
		// One compactor per section across instances: a session advisory lock, which PostgreSQL
		// releases by itself if this connection or instance dies mid-fold (no lease to expire).
		locked = (await one('SELECT pg_try_advisory_lock(7807, hashtext($1)) AS ok', [name])).ok === true;
		if (!locked) return parentPort.postMessage({ name, folded: 0, busy: true });
		await fold(name, force);
	} catch (error) {
		parentPort.postMessage({ name, error: String(error && error.stack || error) });
	} finally {
		if (locked) {
			try { await q('SELECT pg_advisory_unlock(7807, hashtext($1))', [name]); } catch { /* gone with its session */ }
		}
	}
}
async function fold(name, force) {
	const meta = await one('SELECT length(state) AS bytes, last_update_id FROM document_snapshots WHERE name = $1', [name]);
	const pending = await one('SELECT count(*) AS rows, coalesce(sum(length("update")), 0) AS bytes FROM document_updates WHERE name = $1 AND id > $2', [name, meta ? meta.last_update_id : 0]);
	if (pending.rows === 0 && !force) return parentPort.postMessage({ name, folded: 0 });
	const worthIt = pending.rows >= workerData.minRows ||
		pending.bytes >= Math.max(workerData.minBytes, (meta ? meta.bytes : 0) / 4);
	if (!force && !worthIt) return parentPort.postMessage({ name, folded: 0 });
	let base, rows;
	const c = await connection();
	try {
		await c.query('BEGIN; SELECT pg_advisory_xact_lock(6783)');
		base = (await c.query('SELECT state, last_update_id, hash FROM document_snapshots WHERE name = $1', [name])).rows[0];
		rows = (await c.query('SELECT id, "update", hash FROM document_updates WHERE name = $1 AND id > $2 ORDER BY id', [name, base && intact(base.state, base.hash) ? base.last_update_id : 0])).rows;
		await c.query('COMMIT');
	} catch (error) {
		await c.query('ROLLBACK').catch(() => {});
		throw error;
	}
	const rebuilt = Boolean(base && !intact(base.state, base.hash));
	const folded = rebuilt ? base.last_update_id : 0;
	if (rebuilt) base = undefined;
	if (rebuilt && !rows.some((row) => row.id <= folded))
		return parentPort.postMessage({ name, corrupt: { table: 'document_snapshots' } });
	if (rows.length === 0) return parentPort.postMessage({ name, folded: 0 });
	const bad = rows.find((row) => !intact(row.update, row.hash));
	if (bad) return parentPort.postMessage({ name, corrupt: { table: 'document_updates', id: bad.id } });
	const doc = new Y.Doc();
	if (base) Y.applyUpdate(doc, base.state);
	for (const row of rows) Y.applyUpdate(doc, row.update);
	const state = Y.encodeStateAsUpdate(doc);
	await q(\`INSERT INTO document_snapshots (name, state, last_update_id, updated_at, hash) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT(name) DO UPDATE SET state = excluded.state, last_update_id = excluded.last_update_id, updated_at = excluded.updated_at, hash = excluded.hash\`,
		[name, Buffer.from(state), rows[rows.length - 1].id, Date.now(), sha256(state)]);
	doc.destroy();
	parentPort.postMessage({ name, folded: rows.length, rebuilt });
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

interface CompactorMessage {
	name: string;
	folded?: number;
	rebuilt?: boolean;
	/** Another instance holds this section's lease: it folds, this one did nothing. */
	busy?: boolean;
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
		worker = new Worker('url' in database ? PG_WORKER_SOURCE : WORKER_SOURCE, {
			eval: true,
			// Its work is short bursts; a small young generation keeps its idle footprint small.
			resourceLimits: { maxYoungGenerationSizeMb: 8 },
			workerData: {
				...database,
				checkpointMs: CHECKPOINT_MS,
				minRows: COMPACT_MIN_ROWS,
				minBytes: COMPACT_MIN_BYTES,
				leaseMs: LEASE_MS,
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

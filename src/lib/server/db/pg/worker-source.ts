/**
 * The thread that holds the instance's PostgreSQL connection (bridge.ts). It answers requests in
 * the order they came, on one connection (node-postgres queues a client's queries): the main thread
 * is blocked waiting for most of them, exactly as it waits for the disk under better-sqlite3, and
 * the few it does not wait for (runAsync) still run before anything sent after them.
 *
 * It beats a shared counter so the main thread can tell a slow statement from a dead thread, and
 * while PostgreSQL is unreachable it fails requests at once and reconnects in the background,
 * rather than make each one wait out the connect timeout with the event loop blocked.
 *
 * CommonJS so the eval'd worker can `require` the project's node_modules (as the compactor does).
 */
export const PG_WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
// The main thread waits for every answer: a client that cannot load must still answer (with the
// reason), or each statement would wait out the bridge's deadline.
let Client;
let loadError;
try {
	const pg = require('pg');
	Client = pg.Client;
	// SQLite hands back integers and 0/1: so must this, or code written for it would compare
	// strings and booleans. int8 (ids, counts, millisecond times) and numeric (sum, avg) fit a double.
	pg.types.setTypeParser(20, (v) => Number(v));
	pg.types.setTypeParser(1700, (v) => Number(v));
	pg.types.setTypeParser(16, (v) => (v === 't' ? 1 : 0));
} catch (error) {
	loadError = error;
}

const { port, url, applicationName, statementTimeoutMs, lockTimeoutMs } = workerData;
const flag = new Int32Array(workerData.flag);
const REPLIES = 0;
const BEATS = 1;
setInterval(() => Atomics.add(flag, BEATS, 1), 500);
let client;
let connecting;
// When the last connect failed (0: it did not). Until one succeeds, requests fail at once while a
// connect is retried in the background every RETRY_MS.
let unreachableSince = 0;
const RETRY_MS = 1000;
// Named prepared statements: PostgreSQL parses and plans each distinct text once per connection.
let names = new Map();
const MAX_NAMED = 2000;

function connect() {
	connecting ??= (async () => {
		// The main thread waits on this: a server that does not answer fails the request in 5 s.
		const next = new Client({
			connectionString: url,
			application_name: applicationName,
			connectionTimeoutMillis: 5000,
			keepAlive: true
		});
		// A connection that breaks is replaced on the next request; the one in flight fails.
		next.on('error', () => {
			if (client === next) client = undefined;
		});
		await next.connect();
		await next.query(
			'SET statement_timeout = ' + Number(statementTimeoutMs) + '; SET lock_timeout = ' + Number(lockTimeoutMs)
		);
		client = next;
		names = new Map();
		unreachableSince = 0;
		return next;
	})().catch((error) => {
		if (!unreachableSince) {
			unreachableSince = Date.now();
			retry();
		}
		throw error;
	}).finally(() => {
		connecting = undefined;
	});
	return connecting;
}

function retry() {
	setTimeout(() => {
		if (client || !unreachableSince) return;
		connect().then(() => undefined, retry);
	}, RETRY_MS);
}

function unreachable() {
	const error = new Error('PostgreSQL is unreachable (reconnecting in the background)');
	error.code = '08001';
	return error;
}

function buffers(values) {
	return values.map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v));
}

async function handle(request) {
	if (loadError) throw loadError;
	const fresh = !client;
	if (fresh && request.tx) {
		// The transaction's connection is gone and PostgreSQL rolled it back: a new connection must
		// not run the rest of it on its own (each statement would commit by itself).
		const error = new Error('PostgreSQL connection lost during a transaction');
		error.code = '08006';
		throw error;
	}
	if (request.op === 'close') {
		// Never connects just to close (PostgreSQL may be the reason for the shutdown).
		const c = client;
		client = undefined;
		unreachableSince = 0;
		if (c) await c.end();
		return { fresh };
	}
	if (!client && unreachableSince) throw unreachable();
	const c = client ?? (await connect());
	if (request.op === 'exec') {
		await c.query(request.sql);
		return { fresh };
	}
	const query = { text: request.sql, values: buffers(request.params), rowMode: request.array ? 'array' : undefined };
	let name = names.get(request.sql);
	if (name === undefined && names.size < MAX_NAMED) {
		name = 's' + names.size;
		names.set(request.sql, name);
	}
	if (name !== undefined) query.name = name;
	const result = await c.query(query);
	return { rows: result.rows, rowCount: result.rowCount ?? 0, fresh };
}

// A Buffer that is a slice of a larger one (node-postgres decodes bytea into pooled Buffers) would
// be cloned with its whole backing store: answer with copies of just the bytes (bridge.ts compact).
function compactRows(rows) {
	if (!rows) return rows;
	for (const row of rows) {
		for (const key in row) {
			const value = row[key];
			if (ArrayBuffer.isView(value) && value.byteLength !== value.buffer.byteLength)
				row[key] = new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
		}
	}
	return rows;
}

function reply(id, message) {
	compactRows(message.rows);
	port.postMessage({ id, ...message });
	Atomics.add(flag, REPLIES, 1);
	Atomics.notify(flag, REPLIES);
}

port.on('message', async (request) => {
	try {
		reply(request.id, await handle(request));
	} catch (error) {
		if (client && !client._connected) client = undefined;
		reply(request.id, {
			error: {
				message: String((error && error.message) || error),
				code: error && error.code,
				detail: error && error.detail,
				constraint: error && error.constraint,
				table: error && error.table
			}
		});
	}
});
`;

/**
 * PostgreSQL behind better-sqlite3's face. Lantu's data layer is synchronous (better-sqlite3 under
 * drizzle's SQLite dialect: `.get()/.all()/.run()`, synchronous transactions). With DATABASE_URL
 * the same code runs on PostgreSQL through this client: a worker thread (worker-source.ts) holds
 * one connection and the main thread waits for each answer with Atomics, as better-sqlite3 waits
 * for the disk. The cost is a loopback round trip per statement; the gain is that every query,
 * transaction and guarantee written and tested for SQLite holds unchanged (docs/POSTGRES.md).
 *
 * Transactions keep SQLite's one-writer rule across instances: BEGIN takes a transaction-scoped
 * advisory lock, so two instances' transactions never interleave, like two SQLite connections'.
 *
 * One statement may also be sent without waiting (`runAsync`, the update log's group commit): the
 * worker answers every request in the order it was sent, on its one connection, so a statement
 * issued after it (synchronous or not) runs after it and sees what it wrote.
 *
 * The worker beats a counter in shared memory; a main thread waiting on a worker that stopped
 * (crashed, killed) fails the statement within seconds and the next one starts a new worker,
 * instead of every statement waiting out the deadline with the event loop blocked.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { parse as parsePgConnectionString } from 'pg-connection-string';
import { translate } from './translate.ts';
import { PG_WORKER_SOURCE } from './worker-source.ts';

/** The advisory lock every transaction holds: SQLite's database-wide write lock. */
const WRITER_LOCK = 0x1a7e;
/** A statement the main thread waits longer for than this fails (the worker's own timeouts are shorter). */
const WAIT_MS = 60_000;
/** The worker beats every HEARTBEAT_MS (worker-source.ts); silent this long, it is taken for dead. */
const SILENT_MS = 5_000;
/** How often a waiting main thread looks at the heartbeat. */
const CHECK_MS = 1_000;
/** Shared Int32 slots: replies posted (a counter, so no wake-up is ever missed), heartbeats. */
const REPLIES = 0;
const BEATS = 1;

export interface PgOptions {
	/** Tables whose integer `id` an INSERT's `lastInsertRowid` reports (RETURNING "id"). */
	idTables?: ReadonlySet<string>;
	applicationName?: string;
	statementTimeoutMs?: number;
	/** How long a statement waits for a lock, like SQLite's busy_timeout. */
	lockTimeoutMs?: number;
}

export interface RunResult {
	changes: number;
	lastInsertRowid: number;
}

type Row = Record<string, unknown>;

interface Reply {
	id: number;
	rows?: unknown[];
	rowCount?: number;
	fresh?: boolean;
	error?: { message: string; code?: string; detail?: string; constraint?: string; table?: string };
}

/** PostgreSQL's error classes under the SQLite codes Lantu's callers (and drizzle) know. */
const CODES: Record<string, string> = {
	'23505': 'SQLITE_CONSTRAINT_UNIQUE',
	'23503': 'SQLITE_CONSTRAINT_FOREIGNKEY',
	'23502': 'SQLITE_CONSTRAINT_NOTNULL',
	'23514': 'SQLITE_CONSTRAINT_CHECK',
	'55P03': 'SQLITE_BUSY',
	'40P01': 'SQLITE_BUSY',
	'40001': 'SQLITE_BUSY',
	'57014': 'SQLITE_INTERRUPT'
};

export class PgError extends Error {
	/** The SQLite-style code (SQLITE_CONSTRAINT_UNIQUE, …) or PostgreSQL's own SQLSTATE. */
	readonly code: string | undefined;
	readonly sqlState: string | undefined;
	readonly detail: string | undefined;
	constructor(error: NonNullable<Reply['error']>, sql?: string) {
		super(sql ? `${error.message} (in: ${sql.slice(0, 200)})` : error.message);
		this.name = 'PgError';
		this.sqlState = error.code;
		this.code = (error.code && CODES[error.code]) ?? error.code;
		this.detail = error.detail;
	}
}

export class PgStatement<P extends unknown[] = unknown[], R = Row> {
	readonly reader: boolean;
	private arrayMode = false;
	private readonly text: string;
	private readonly insertInto: string | undefined;
	private readonly names: string[];
	private readonly db: PgSyncDatabase;
	readonly source: string;

	constructor(db: PgSyncDatabase, source: string) {
		this.db = db;
		this.source = source;
		const translated = db.translated(source);
		this.text = translated.insertInto ? `${translated.text} RETURNING "id"` : translated.text;
		this.insertInto = translated.insertInto;
		this.names = translated.names;
		this.reader = /^\s*(select|with|values)\b|\breturning\b/i.test(source);
	}

	/** @internal The PostgreSQL text and the table whose id an INSERT returns. */
	translatedText(): { text: string; insertInto: string | undefined } {
		return { text: this.text, insertInto: this.insertInto };
	}

	/** better-sqlite3: rows as arrays of column values (drizzle maps them to fields). */
	raw(toggle = true): this {
		this.arrayMode = toggle;
		return this;
	}

	/** better-sqlite3 binds `@name` placeholders from one object argument. @internal */
	bind(params: unknown[]): unknown[] {
		if (this.names.length === 0) return params.map(compact);
		const named = (params[0] ?? {}) as Record<string, unknown>;
		return this.names.map((name) => {
			if (!(name in named)) throw new RangeError(`Missing named parameter "${name}"`);
			return compact(named[name]);
		});
	}

	run(...params: P): RunResult {
		const reply = this.db.query(this.text, this.bind(params), false);
		const rows = (reply.rows ?? []) as Row[];
		const last = this.insertInto ? rows.at(-1)?.id : undefined;
		return { changes: reply.rowCount ?? 0, lastInsertRowid: typeof last === 'number' ? last : 0 };
	}

	get(...params: P): R | undefined {
		return this.db.query(this.text, this.bind(params), this.arrayMode).rows?.[0] as R | undefined;
	}

	all(...params: P): R[] {
		return (this.db.query(this.text, this.bind(params), this.arrayMode).rows ?? []) as R[];
	}

	iterate(...params: P): IterableIterator<R> {
		return this.all(...params)[Symbol.iterator]();
	}
}

type TransactionFn<A extends unknown[], T> = ((...args: A) => T) & {
	deferred: (...args: A) => T;
	immediate: (...args: A) => T;
	exclusive: (...args: A) => T;
};

export class PgSyncDatabase {
	readonly name: string;
	readonly idTables: ReadonlySet<string>;
	open = true;
	/** How deep the running transaction is nested (0: none), as better-sqlite3's inTransaction. */
	private depth = 0;
	private nextId = 1;
	private thread!: WorkerThread;
	private readonly url: string;
	private readonly options: PgOptions;
	/** Requests sent with runAsync, by id, awaiting their reply. */
	private readonly waiting = new Map<number, AsyncWaiter>();

	constructor(url: string, options: PgOptions = {}) {
		this.name = redact(url);
		this.url = url;
		this.options = options;
		this.idTables = options.idTables ?? new Set();
		this.thread = this.startThread();
	}

	private startThread(): WorkerThread {
		const shared = new SharedArrayBuffer(8);
		const { port1, port2 } = new MessageChannel();
		const worker = new Worker(PG_WORKER_SOURCE, {
			eval: true,
			resourceLimits: { maxYoungGenerationSizeMb: 8 },
			workerData: {
				port: port2,
				flag: shared,
				url: this.url,
				applicationName: this.options.applicationName ?? 'lantu',
				statementTimeoutMs: this.options.statementTimeoutMs ?? 30_000,
				lockTimeoutMs: this.options.lockTimeoutMs ?? 10_000
			},
			transferList: [port2]
		});
		const thread: WorkerThread = { worker, port: port1, flag: new Int32Array(shared), alive: true };
		// Replies to runAsync that arrive while the main thread is not waiting on a statement.
		port1.on('message', (reply: Reply) => this.settleAsync(reply));
		worker.on('exit', () => this.lose(thread, 'exited'));
		worker.on('error', () => this.lose(thread, 'failed'));
		worker.unref();
		port1.unref();
		return thread;
	}

	/** The worker is gone: what awaits it fails now, the next statement starts a new one. */
	private lose(thread: WorkerThread, how: string) {
		if (!thread.alive) return;
		thread.alive = false;
		thread.port.close();
		void thread.worker.terminate();
		const error = new PgError({ message: `PostgreSQL client thread ${how}`, code: '08006' });
		for (const [, waiter] of this.waiting) waiter.reject(error);
		this.waiting.clear();
	}

	/** The live worker, a new one if the last stopped (its connection, and any transaction, are gone). */
	private live(): WorkerThread {
		if (!this.thread.alive) this.thread = this.startThread();
		return this.thread;
	}

	private readonly translations = new Map<string, ReturnType<typeof translate>>();
	/** @internal drizzle prepares each query anew: its SQL is translated once per text. */
	translated(sql: string): ReturnType<typeof translate> {
		let hit = this.translations.get(sql);
		if (!hit) {
			hit = translate(sql, this.idTables);
			if (this.translations.size >= 5000) this.translations.clear();
			this.translations.set(sql, hit);
		}
		return hit;
	}

	get inTransaction(): boolean {
		return this.depth > 0;
	}

	prepare<P extends unknown[] = unknown[], R = Row>(sql: string): PgStatement<P, R> {
		return new PgStatement<P, R>(this, sql);
	}

	/** Several statements without parameters (migrations, BEGIN; …). */
	exec(sql: string): this {
		this.request({ op: 'exec', sql });
		return this;
	}

	/** SQLite's pragmas have no PostgreSQL meaning; answered as SQLite answers an unknown one. */
	pragma(): unknown[] {
		return [];
	}

	transaction<A extends unknown[], T>(fn: (...args: A) => T): TransactionFn<A, T> {
		const run = (...args: A): T => this.inTransactionRun(() => fn(...args));
		return Object.assign(run, { deferred: run, immediate: run, exclusive: run });
	}

	close(): void {
		if (!this.open) return;
		try {
			if (this.thread.alive) this.request({ op: 'close' });
		} finally {
			this.open = false;
			this.lose(this.thread, 'closed');
		}
	}

	/** @internal One statement, answered synchronously. */
	query(sql: string, params: unknown[], array: boolean): Reply {
		return this.request({ op: 'query', sql, params, array }, sql);
	}

	/**
	 * One statement (SQLite's SQL, `?` parameters) sent without waiting: resolves when PostgreSQL
	 * has run it. Outside transactions only: a transaction's statements are the main thread's.
	 * Statements sent later, of either kind, run after it on the same connection.
	 */
	runAsync(sql: string, params: unknown[]): Promise<RunResult> {
		if (!this.open) return Promise.reject(new TypeError('The database connection is not open'));
		if (this.depth > 0) {
			try {
				return Promise.resolve(this.prepare(sql).run(...params));
			} catch (error) {
				return Promise.reject(error);
			}
		}
		const statement = this.prepare(sql);
		const { text, insertInto } = statement.translatedText();
		const values = statement.bind(params);
		const id = this.nextId++;
		return new Promise<Reply>((resolve, reject) => {
			this.waiting.set(id, { resolve, reject, sql });
			this.post({ id, tx: false, op: 'query', sql: text, params: values, array: false });
		}).then((reply) => {
			const last = insertInto ? (reply.rows as Row[] | undefined)?.at(-1)?.id : undefined;
			return {
				changes: reply.rowCount ?? 0,
				lastInsertRowid: typeof last === 'number' ? last : 0
			};
		});
	}

	/** A reply to a runAsync request (or one to a request that timed out: dropped). */
	private settleAsync(reply: Reply) {
		const waiter = this.waiting.get(reply.id);
		if (!waiter) return;
		this.waiting.delete(reply.id);
		if (this.waiting.size === 0) this.thread.port.unref();
		if (reply.error) waiter.reject(new PgError(reply.error, waiter.sql));
		else waiter.resolve(reply);
	}

	private post(message: Record<string, unknown>) {
		const thread = this.live();
		thread.port.postMessage(message);
		if (this.waiting.size > 0)
			thread.port.ref(); // a reply is owed: keep the process alive for it
		else thread.port.unref();
	}

	private inTransactionRun<T>(body: () => T): T {
		const outer = this.depth === 0;
		const savepoint = `lantu_sp${this.depth}`;
		try {
			this.exec(
				outer ? `BEGIN; SELECT pg_advisory_xact_lock(${WRITER_LOCK})` : `SAVEPOINT ${savepoint}`
			);
		} catch (error) {
			// BEGIN went through but the lock did not come (lock_timeout): end what was begun.
			if (outer) this.rollbackQuietly();
			throw error;
		}
		this.depth += 1;
		let result: T;
		try {
			result = body();
			if (result && typeof (result as { then?: unknown }).then === 'function') {
				// As better-sqlite3: a transaction cannot span an await (another request would run in it).
				throw new TypeError('Transaction function cannot return a promise');
			}
		} catch (error) {
			this.depth -= 1;
			if (outer) this.rollbackQuietly();
			else this.exec(`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
			throw error;
		}
		this.depth -= 1;
		this.exec(outer ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
		return result;
	}

	private rollbackQuietly() {
		try {
			this.exec('ROLLBACK');
		} catch {
			// The connection broke: PostgreSQL rolled the transaction back itself.
		}
	}

	private request(message: Record<string, unknown>, sql?: string): Reply {
		if (!this.open) throw new TypeError('The database connection is not open');
		const id = this.nextId++;
		this.post({ id, tx: this.depth > 0, ...message });
		const thread = this.thread;
		const deadline = Date.now() + WAIT_MS;
		let beats = Atomics.load(thread.flag, BEATS);
		let beatAt = Date.now();
		for (;;) {
			// Read the counter before looking: a reply posted after the look changes it, so the
			// wait below returns at once instead of sleeping past it.
			const replies = Atomics.load(thread.flag, REPLIES);
			const received = thread.alive ? receiveMessageOnPort(thread.port) : undefined;
			if (received) {
				const reply = received.message as Reply;
				if (reply.id === id) return this.settle(reply, message, sql);
				this.settleAsync(reply); // a runAsync reply, answered before ours (they keep order)
				continue;
			}
			const now = Date.now();
			const beat = Atomics.load(thread.flag, BEATS);
			if (beat !== beats) [beats, beatAt] = [beat, now];
			if (!thread.alive || now - beatAt > SILENT_MS) {
				this.lose(thread, 'stopped answering');
				throw new PgError({ message: 'PostgreSQL client thread stopped', code: '08006' }, sql);
			}
			if (now >= deadline)
				throw new PgError({ message: 'PostgreSQL did not answer in time', code: '57014' }, sql);
			Atomics.wait(thread.flag, REPLIES, replies, Math.min(deadline - now, CHECK_MS));
		}
	}

	private settle(reply: Reply, message: Record<string, unknown>, sql?: string): Reply {
		if (reply.fresh && this.depth > 0 && message.sql !== 'ROLLBACK') {
			// The connection was replaced mid-transaction: what the transaction wrote is gone.
			throw new PgError(
				{ message: 'PostgreSQL connection lost during a transaction', code: '08006' },
				sql
			);
		}
		if (reply.error) throw new PgError(reply.error, sql);
		revive(reply.rows);
		return reply;
	}
}

interface WorkerThread {
	worker: Worker;
	port: MessageChannel['port1'];
	flag: Int32Array;
	alive: boolean;
}

interface AsyncWaiter {
	resolve: (reply: Reply) => void;
	reject: (error: unknown) => void;
	sql: string;
}

/**
 * A byte array that is a view into a larger buffer, copied to its own: postMessage clones a view's
 * whole underlying ArrayBuffer, and a Yjs update is a slice of the WebSocket frame (or of Node's
 * 8 KB Buffer pool): ~40 µs to post 100 bytes viewed in 64 KB, ~1 µs for their own copy (a
 * MessageChannel on this machine). The worker compacts the rows it answers with the same way
 * (worker-source.ts): node-postgres decodes each bytea into a slice of a 64 KB buffer.
 */
export function compact(value: unknown): unknown {
	return ArrayBuffer.isView(value) && value.byteLength !== value.buffer.byteLength
		? new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength))
		: value;
}

/** Structured cloning turns Buffers into plain Uint8Arrays; SQLite's blobs come back as Buffers. */
function revive(rows: unknown[] | undefined) {
	if (!rows) return;
	for (const row of rows) {
		const record = row as Record<string, unknown>;
		for (const key in record) {
			const value = record[key];
			if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
				record[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
			}
		}
	}
}

/** The URL without its password, for logs. */
/** The URL as logs may show it: no password, whether it names a host or a socket directory. */
export function redact(url: string): string {
	try {
		const { user, host, port, database } = parsePgConnectionString(url);
		const at = user ? `${user}@` : '';
		const where = host?.startsWith('/') ? `?host=${host}` : '';
		const address = host && !where ? `${host}${port ? `:${port}` : ''}` : '';
		return `postgres://${at}${address}/${database ?? ''}${where}`;
	} catch {
		return 'postgres';
	}
}

export function openPgSync(url: string, options?: PgOptions): PgSyncDatabase {
	return new PgSyncDatabase(url, options);
}

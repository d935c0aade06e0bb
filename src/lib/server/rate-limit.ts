/**
 * The one way Lantu limits rates: rate-limiter-flexible, with its counters in the app's SQLite
 * database (they survive a restart, and several instances share them). Counting is atomic: `take`
 * reserves a point *before* the work it guards, so parallel requests cannot all pass a check made before any of them was recorded.
 * Limits of one process's own resources (sockets it holds, checks it runs) are plain counters
 * where they are kept (collab/sockets.ts, routes/verify), not rate limits.
 */
import {
	RateLimiterPostgres,
	RateLimiterRes,
	RateLimiterSQLite,
	type RateLimiterAbstract
} from 'rate-limiter-flexible';
import { lt } from 'drizzle-orm';
import { getDb, schema } from './db/index.ts';
import { PgSyncDatabase } from './db/pg/bridge.ts';

export interface Limit {
	/** Points a key may take within `seconds`. */
	points: number;
	seconds: number;
	/** Once over: refuse for this long (default: until the window ends). */
	blockSeconds?: number;
}

export type Limiter = RateLimiterAbstract;

/** The table schema.ts declares as `rateLimits`. */
const TABLE = 'rate_limits';

function options(name: string, limit: Limit) {
	return {
		keyPrefix: name,
		points: limit.points,
		duration: limit.seconds,
		blockDuration: limit.blockSeconds ?? 0
	};
}

/**
 * Counters in the app database's `rate_limits` table (schema.ts, created by a migration); made on
 * first use, so the database is opened only once it is needed. `shield`: once a key is over, this
 * process refuses it from memory until its block ends, without a database write per refusal —
 * for limits a flood hits (refused upgrades), where the refusals themselves must stay cheap.
 */
export function stored(
	name: string,
	limit: Limit,
	{ shield = false }: { shield?: boolean } = {}
): () => Limiter {
	let limiter: Limiter | undefined;
	return () => {
		if (limiter) return limiter;
		const client = getDb().$client;
		const common = {
			...options(name, limit),
			...(shield
				? {
						inMemoryBlockOnConsumed: limit.points + 1,
						inMemoryBlockDuration: limit.blockSeconds ?? limit.seconds
					}
				: {}),
			tableName: TABLE,
			tableCreated: true
		};
		limiter =
			client instanceof PgSyncDatabase
				? new RateLimiterPostgres({
						...common,
						// Its statements go through the app's own connection (`$1` placeholders pass
						// the bridge unchanged); the table comes from the migrations.
						storeClient: pgClientOf(client),
						storeType: 'client',
						clearExpiredByTimeout: false
					})
				: new RateLimiterSQLite({ ...common, storeClient: client, storeType: 'better-sqlite3' });
		return limiter;
	};
}

export type Taken = { ok: true; consumed: number } | { ok: false; retryAfterMs: number };

/** Reserves `points` for `key`; refused when the key is over its limit. Store errors propagate. */
export async function take(limiter: Limiter, key: string, points = 1): Promise<Taken> {
	try {
		const res = await limiter.consume(key, points);
		return { ok: true, consumed: res.consumedPoints };
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) {
			return { ok: false, retryAfterMs: Math.max(1000, rejection.msBeforeNext) };
		}
		throw rejection;
	}
}

/** Gives back a reservation (the guarded work turned out legitimate, e.g. a correct password). */
export async function giveBack(limiter: Limiter, key: string, points = 1): Promise<void> {
	await limiter.reward(key, points);
}

/** Forgets a key entirely. */
export async function forget(limiter: Limiter, key: string): Promise<void> {
	await limiter.delete(key);
}

/** Removes expired counters from the database (housekeeping, not on the request path). */
export function pruneStoredLimits(now = Date.now()): void {
	getDb().delete(schema.rateLimits).where(lt(schema.rateLimits.expire, now)).run();
}

/** The bridge as the `pg` Client face rate-limiter-flexible's PostgreSQL store calls. */
function pgClientOf(db: PgSyncDatabase) {
	return {
		async query(query: string | { text: string; values?: unknown[] }) {
			const { text, values = [] } = typeof query === 'string' ? { text: query } : query;
			const reply = db.query(text, values, false);
			return { rows: reply.rows ?? [], rowCount: reply.rowCount ?? 0 };
		}
	};
}

/**
 * The one way Lantu limits rates: rate-limiter-flexible, with its counters either in the app's
 * SQLite database (survive a restart; what login throttling needs) or in memory (per process, for
 * cheap refusals). Counting is atomic in both stores: `take` reserves a point *before* the work it
 * guards, so parallel requests cannot all pass a check made before any of them was recorded.
 * When Lantu runs as several instances, `stored` is the one place to switch to a shared store.
 */
import {
	RateLimiterMemory,
	RateLimiterRes,
	RateLimiterSQLite,
	type RateLimiterAbstract
} from 'rate-limiter-flexible';
import { lt } from 'drizzle-orm';
import { getDb, schema } from './db/index.ts';

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

/** Counters in process memory. */
export function inMemory(name: string, limit: Limit): Limiter {
	return new RateLimiterMemory(options(name, limit));
}

/**
 * Counters in the app database's `rate_limits` table (schema.ts, created by a migration); made on
 * first use, so the database is opened only once it is needed.
 */
export function stored(name: string, limit: Limit): () => Limiter {
	let limiter: Limiter | undefined;
	return () => {
		if (limiter) return limiter;
		const client = getDb().$client;
		limiter = new RateLimiterSQLite({
			...options(name, limit),
			storeClient: client,
			storeType: 'better-sqlite3',
			tableName: TABLE,
			tableCreated: true
		});
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

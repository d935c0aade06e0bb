/**
 * Login throttling per account and per IP (OWASP ASVS 5 §6.3). Counters live in SQLite so they
 * survive restarts and would hold across instances. After `MAX_FAILURES` failures within the window
 * the key is locked; each further lock doubles, up to an hour.
 */
import { eq, lt } from 'drizzle-orm';
import { getDb, schema } from '../db/index.ts';

export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;
const WINDOW_MS = 15 * 60_000;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

export function accountKey(username: string): string {
	return `user:${username.toLowerCase()}`;
}

export function ipKey(ip: string): string {
	return `ip:${ip}`;
}

/** Milliseconds until the key may try again; 0 when it may try now. */
export function lockedFor(key: string, now = Date.now()): number {
	const row = getDb()
		.select()
		.from(schema.loginThrottle)
		.where(eq(schema.loginThrottle.key, key))
		.get();
	const until = row?.lockedUntil?.getTime() ?? 0;
	return Math.max(0, until - now);
}

export function recordFailure(key: string, limit: number, now = Date.now()): void {
	const db = getDb();
	const { loginThrottle } = schema;
	db.$client
		.transaction(() => {
			const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
			const fresh = !row || now - row.windowStartedAt.getTime() > WINDOW_MS;
			const failures = fresh ? 1 : row.failures + 1;
			const over = failures - limit;
			const lockedUntil =
				over >= 0 ? new Date(now + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** over)) : null;
			db.insert(loginThrottle)
				.values({
					key,
					failures,
					windowStartedAt: new Date(fresh ? now : row.windowStartedAt.getTime()),
					lockedUntil
				})
				.onConflictDoUpdate({
					target: loginThrottle.key,
					set: {
						failures,
						windowStartedAt: new Date(fresh ? now : row.windowStartedAt.getTime()),
						lockedUntil
					}
				})
				.run();
		})
		.immediate();
}

export function clearFailures(key: string): void {
	getDb().delete(schema.loginThrottle).where(eq(schema.loginThrottle.key, key)).run();
}

export function pruneThrottle(now = Date.now()): void {
	getDb()
		.delete(schema.loginThrottle)
		.where(lt(schema.loginThrottle.windowStartedAt, new Date(now - 2 * MAX_LOCK_MS)))
		.run();
}

/**
 * The update log's order on PostgreSQL (docs/POSTGRES.md, "The update log's order"). Log ids come
 * from a sequence and appends commit in any order, so a reader can see id N+1 while N is still
 * uncommitted. A reader that remembers "read up to the highest id I saw" must read under the order
 * lock taken exclusively: every INSERT into document_updates holds it shared from before its ids
 * are drawn until it commits (drizzle-pg/0006_update_log_order.sql). SQLite has one writer and
 * gives ids in commit order: there the reads run as they are.
 */
import type { Db } from './index.ts';
import { PgSyncDatabase } from './pg/bridge.ts';

/**
 * The advisory lock (one bigint key) every INSERT into document_updates holds shared on
 * PostgreSQL, taken by its statement-level BEFORE trigger (drizzle-pg/0006). Not the writer lock
 * (0x1a7e, pg/bridge.ts), not the compactor's per-section lock (7807, hashtext(name)).
 */
export const ORDER_LOCK = 0x1a7f;

/**
 * Runs the synchronous `read` so that it sees every log row below the highest id it sees: on
 * PostgreSQL in a transaction that first waits for the appends in flight to commit (appends that
 * start meanwhile wait for it, and take higher ids). Keep `read` to reads: appends everywhere wait
 * while it runs.
 */
export function readLogInOrder<T>(sqlite: Db['$client'], read: () => T): T {
	if (!(sqlite instanceof PgSyncDatabase)) return read();
	return sqlite.transaction(() => {
		sqlite.prepare(`SELECT pg_advisory_xact_lock(${ORDER_LOCK})`).get();
		return read();
	})();
}

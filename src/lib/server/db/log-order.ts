/**
 * The update log's order on PostgreSQL (docs/POSTGRES.md, "The update log's order"). Log ids come
 * from a sequence and appends commit in any order, so a reader can see id N+1 while N is still
 * uncommitted. A reader that remembers "read up to the highest id I saw" must read only up to an id
 * below which every row is committed: the highest id seen under the order lock taken exclusively.
 * Every INSERT into document_updates holds that lock shared from before its ids are drawn until it
 * commits (drizzle-pg/0006_update_log_order.sql). SQLite has one writer and gives ids in commit
 * order: there the highest id is settled as it is.
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
 * How long a reader waits for the appends in flight. Appends that arrive meanwhile queue behind
 * the waiting reader (PostgreSQL's lock queue), on every instance: a short bound keeps a long
 * transaction that appends from stalling them all. A reader that gives up fails (lock timeout).
 */
export const ORDER_WAIT_MS = 2000;

/**
 * The highest id of `name`'s log below which every row is committed (0 when it has none). On
 * PostgreSQL read under the order lock taken exclusively: it waits for the appends in flight;
 * appends that start meanwhile wait for it and draw higher ids. Held for one indexed lookup.
 */
export function settledUpdateId(sqlite: Db['$client'], name: string): number {
	const highest = () =>
		sqlite
			.prepare<[string], { id: number }>(
				'SELECT coalesce(max(id), 0) AS id FROM document_updates WHERE name = ?'
			)
			.get(name)?.id ?? 0;
	if (!(sqlite instanceof PgSyncDatabase)) return highest();
	return sqlite.transaction(() => {
		// One statement: the lock's wait reads lock_timeout as set_config left it (this transaction).
		sqlite
			.prepare(
				`SELECT set_config('lock_timeout', '${ORDER_WAIT_MS}', true), pg_advisory_xact_lock(${ORDER_LOCK})`
			)
			.get();
		return highest();
	})();
}

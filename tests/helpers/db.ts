/**
 * Reading (and, for tests that corrupt on purpose, writing) the test server's SQLite file directly,
 * one short-lived connection per call so the server's own connection is never held up.
 */
import Database from 'better-sqlite3';

export interface TestDatabase {
	/** The first row of a SELECT. */
	query<T>(sql: string, ...params: unknown[]): T;
	/** Every row of a SELECT. */
	all<T>(sql: string, ...params: unknown[]): T[];
	/** One write statement, outside the server (to tamper with stored data). */
	write(sql: string, ...params: unknown[]): Database.RunResult;
}

/** `databasePath` is asked for at each call: the server is usually started in `beforeAll`. */
export function testDatabase(databasePath: () => string): TestDatabase {
	function use<R>(readonly: boolean, fn: (db: Database.Database) => R): R {
		const db = new Database(databasePath(), { readonly });
		try {
			return fn(db);
		} finally {
			db.close();
		}
	}
	return {
		query: <T>(sql: string, ...params: unknown[]) =>
			use(true, (db) => db.prepare(sql).get(...params) as T),
		all: <T>(sql: string, ...params: unknown[]) =>
			use(true, (db) => db.prepare(sql).all(...params) as T[]),
		write: (sql: string, ...params: unknown[]) => use(false, (db) => db.prepare(sql).run(...params))
	};
}

/**
 * Reading (and, for tests that tamper on purpose, writing) the test server's database directly, as
 * an operator could: its SQLite file in the SQLite pass, its PostgreSQL database in the PostgreSQL
 * pass (through the app's synchronous bridge, src/lib/server/db/pg/bridge.ts). Statements are
 * written once with `?` placeholders and must be valid on both (docs/POSTGRES.md lists what is not):
 * `RETURNING` instead of lastInsertRowid, no bare columns beside an aggregate, a NULL parameter cast
 * to its type. Flags are 0/1 integers on both.
 */
import Database from 'better-sqlite3';
import type { TestDatabaseKind, TestServer } from './server.ts';
import { openPgSync } from '../../src/lib/server/db/pg/bridge.ts';

/** Where a test server keeps its data (a TestServer is one). */
export type DatabaseLocation = Pick<TestServer, 'databasePath' | 'databaseUrl'>;

export interface TestStatement<P extends unknown[] = unknown[], R = unknown> {
	run(...params: P): { changes: number };
	get(...params: P): R | undefined;
	all(...params: P): R[];
}

/** The part of better-sqlite3's handle that tests use, on either store. */
export interface TestDb {
	readonly kind: TestDatabaseKind;
	prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): TestStatement<P, R>;
	exec(sql: string): void;
	transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T;
	close(): void;
}

/** The bridge's handle, as far as tests use it (better-sqlite3-compatible, synchronous). */
interface PgSyncHandle {
	prepare(sql: string): {
		run(...params: unknown[]): { changes: number };
		get(...params: unknown[]): unknown;
		all(...params: unknown[]): unknown[];
	};
	exec(sql: string): void;
	transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T;
	close(): void;
}

function sqliteDb(file: string, readonly: boolean): TestDb {
	const db = new Database(file, { readonly, fileMustExist: true });
	return {
		kind: 'sqlite',
		prepare: <P extends unknown[], R>(sql: string) => {
			const statement = db.prepare(sql);
			return {
				run: (...params: P) => ({ changes: statement.run(...params).changes }),
				get: (...params: P) => statement.get(...params) as R | undefined,
				all: (...params: P) => statement.all(...params) as R[]
			};
		},
		exec: (sql) => void db.exec(sql),
		transaction: (fn) => db.transaction(fn),
		close: () => db.close()
	};
}

function postgresDb(url: string): TestDb {
	const db: PgSyncHandle = openPgSync(url);
	return {
		kind: 'postgres',
		prepare: <P extends unknown[], R>(sql: string) => {
			// The bridge numbers `?` placeholders for PostgreSQL itself.
			const statement = db.prepare(sql);
			return {
				run: (...params: P) => ({ changes: statement.run(...params).changes }),
				get: (...params: P) => statement.get(...params) as R | undefined,
				all: (...params: P) => statement.all(...params) as R[]
			};
		},
		exec: (sql) => db.exec(sql),
		transaction: (fn) => db.transaction(fn),
		close: () => db.close()
	};
}

/**
 * A connection of its own to the server's database (close it when done). `readonly` is kept on
 * SQLite, where it also keeps a test from creating an empty file by mistake.
 */
export function openTestDb(server: DatabaseLocation, options: { readonly?: boolean } = {}): TestDb {
	if (server.databaseUrl) return postgresDb(server.databaseUrl);
	return sqliteDb(server.databasePath, options.readonly ?? false);
}

/** Runs `fn` on a connection of its own, closed afterwards. */
export function withTestDb<R>(
	server: DatabaseLocation,
	fn: (db: TestDb) => R,
	options: { readonly?: boolean } = {}
): R {
	const db = openTestDb(server, options);
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

export interface TestDatabase {
	/** The first row of a SELECT. */
	query<T>(sql: string, ...params: unknown[]): T;
	/** Every row of a SELECT. */
	all<T>(sql: string, ...params: unknown[]): T[];
	/** One write statement, outside the server (to tamper with stored data). */
	write(sql: string, ...params: unknown[]): { changes: number };
	/** One write statement ending in `RETURNING …` (instead of SQLite's lastInsertRowid): its first row. */
	writeReturning<T>(sql: string, ...params: unknown[]): T;
}

/**
 * Short queries on a connection per call, so the server's own connection is never held up. The
 * server is asked for at each call: it is usually started in `beforeAll`.
 */
export function testDatabase(server: () => DatabaseLocation): TestDatabase {
	return {
		query: <T>(sql: string, ...params: unknown[]) =>
			withTestDb(server(), (db) => db.prepare(sql).get(...params) as T, { readonly: true }),
		all: <T>(sql: string, ...params: unknown[]) =>
			withTestDb(server(), (db) => db.prepare(sql).all(...params) as T[], { readonly: true }),
		write: (sql: string, ...params: unknown[]) =>
			withTestDb(server(), (db) => db.prepare(sql).run(...params)),
		writeReturning: <T>(sql: string, ...params: unknown[]) =>
			withTestDb(server(), (db) => db.prepare(sql).get(...params) as T)
	};
}

/**
 * Makes every `event` on `table` fail with `message` from now on, as a full or failing disk would
 * (a trigger, in each store's own dialect); `dropTrigger(db, name, table)` undoes it.
 */
export function refuseWrites(
	db: TestDb,
	name: string,
	table: string,
	event: 'INSERT' | 'UPDATE' | 'DELETE',
	message: string
): void {
	const text = message.replaceAll("'", "''");
	if (db.kind === 'sqlite') {
		db.exec(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table}
			BEGIN SELECT RAISE(ABORT, '${text}'); END`);
		return;
	}
	db.exec(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql
		AS $$ BEGIN RAISE EXCEPTION '${text}'; END $$;
		CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
}

/**
 * Drops a trigger if it is there (and, on PostgreSQL, a function of the same name: refuseWrites'),
 * as an attacker holding the database would, or a test undoing refuseWrites.
 */
export function dropTrigger(db: TestDb, name: string, table: string): void {
	if (db.kind === 'sqlite') db.exec(`DROP TRIGGER IF EXISTS ${name}`);
	else db.exec(`DROP TRIGGER IF EXISTS ${name} ON ${table}; DROP FUNCTION IF EXISTS ${name}()`);
}

/**
 * The one database connection of the process, migrations applied at open: the embedded SQLite file
 * (WAL, foreign keys on) by default, or PostgreSQL when DATABASE_URL is set — through a synchronous
 * client with better-sqlite3's face (pg/bridge.ts), so every caller stays as it is.
 * Kept on `globalThis` so that the SvelteKit app and the collab server — and Vite's dev reloads —
 * share one connection instead of opening several.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { config } from '../config.ts';
import { logger } from '../log.ts';
import { openPgSync, PgSyncDatabase } from './pg/bridge.ts';
import { appliedUpTo, migratePg } from './pg/migrate.ts';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const log = logger('db');
const KEY = Symbol.for('lantu.db');
type Holder = { [KEY]?: Db };

/** Which database this process runs on. */
export const dialect: 'sqlite' | 'postgres' = config.DATABASE_URL ? 'postgres' : 'sqlite';

/** Where the SQL migrations live; the process runs from the project root (README). */
const MIGRATIONS = path.resolve(
	dialect === 'postgres' ? config.PG_MIGRATIONS_DIR : config.MIGRATIONS_DIR
);

function open(): Db {
	return dialect === 'postgres' ? openPostgres(config.DATABASE_URL!) : openSqlite();
}

/** Tables with an integer autoincrement `id`: their INSERTs report lastInsertRowid on PostgreSQL. */
function idTables(): Set<string> {
	const names = new Set<string>();
	for (const value of Object.values(schema)) {
		if (!(value instanceof SQLiteTable)) continue;
		const table = getTableConfig(value);
		const id = table.columns.find((c) => c.name === 'id');
		if (id?.primary && id.getSQLType() === 'integer') names.add(table.name);
	}
	return names;
}

function openPostgres(url: string): Db {
	const client = openPgSync(url, {
		idTables: idTables(),
		applicationName: config.INSTANCE_NAME ?? 'lantu'
	});
	const applied = migratePg(client, MIGRATIONS);
	const db = drizzle({ client: client as unknown as Database.Database, schema }) as Db;
	log.info({ database: client.name, applied }, 'database open (PostgreSQL)');
	return db;
}

function openSqlite(): Db {
	fs.mkdirSync(path.dirname(config.databasePath), { recursive: true });
	const sqlite = new Database(config.databasePath);
	sqlite.pragma('journal_mode = WAL');
	// NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last
	// transactions); FULL would fsync every commit, which the hot update path cannot afford.
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: MIGRATIONS });
	log.info({ path: config.databasePath }, 'database open');
	return db;
}

export function getDb(): Db {
	const holder = globalThis as Holder;
	return (holder[KEY] ??= open());
}

/**
 * Whether the database holds every migration this build ships (readiness: an instance whose
 * database is behind — another instance mid-upgrade, a restored backup — is not ready). Drizzle
 * records each applied migration with its folder timestamp (the journal's `when`).
 */
export function migrationsApplied(db: Db = getDb()): boolean {
	const newest = shippedMigration();
	if (db.$client instanceof PgSyncDatabase) return appliedUpTo(db.$client) >= newest;
	const row = db.$client
		.prepare<[], { at: number | null }>('SELECT max(created_at) AS at FROM __drizzle_migrations')
		.get();
	return (row?.at ?? 0) >= newest;
}

let shipped: number | undefined;
function shippedMigration(): number {
	if (shipped !== undefined) return shipped;
	const journal = JSON.parse(
		fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')
	) as { entries: { when: number }[] };
	shipped = Math.max(0, ...journal.entries.map((e) => e.when));
	return shipped;
}

export function closeDb(): void {
	const holder = globalThis as Holder;
	const db = holder[KEY];
	if (!db) return;
	db.$client.close();
	delete holder[KEY];
	log.info('database closed');
}

export { schema };

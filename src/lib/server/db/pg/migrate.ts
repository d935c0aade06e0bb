/**
 * Applies drizzle-pg/ (the PostgreSQL twin of drizzle/) through the synchronous client, the way
 * drizzle's own PostgreSQL migrator records them (schema `drizzle`, table `__drizzle_migrations`,
 * one row per migration with the journal's `when`), so drizzle-kit and this agree on what ran.
 * The whole run is one transaction under the writer lock: instances starting together apply each
 * migration once, the others wait and find nothing left to do.
 */
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgSyncDatabase } from './bridge.ts';

export function migratePg(db: PgSyncDatabase, migrationsFolder: string): number {
	const migrations = readMigrationFiles({ migrationsFolder });
	let applied = 0;
	db.transaction(() => {
		db.exec(`CREATE SCHEMA IF NOT EXISTS drizzle;
			CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (
				id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
		const last = appliedUpTo(db);
		const record = db.prepare(
			'INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (?, ?)'
		);
		for (const migration of migrations) {
			if (migration.folderMillis <= last) continue;
			for (const statement of migration.sql) if (statement.trim()) db.exec(statement);
			record.run(migration.hash, migration.folderMillis);
			applied += 1;
		}
	})();
	return applied;
}

/** The journal time of the newest migration this database has applied (0: none). */
export function appliedUpTo(db: PgSyncDatabase): number {
	const exists = db
		.prepare<[], { present: string | null }>(
			"SELECT to_regclass('drizzle.__drizzle_migrations')::text AS present"
		)
		.get();
	if (!exists?.present) return 0;
	const row = db
		.prepare<[], { at: number | null }>(
			'SELECT max(created_at) AS at FROM drizzle.__drizzle_migrations'
		)
		.get();
	return row?.at ?? 0;
}

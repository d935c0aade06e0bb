/**
 * schema.ts (SQLite) and schema.pg.ts (PostgreSQL) describe one database (issue 20): on PostgreSQL,
 * drizzle's SQLite dialect still builds every query from schema.ts, so the PostgreSQL tables must
 * have the same names, columns, nullability, defaults, keys, indexes and foreign keys, with the
 * type mapping of docs/POSTGRES.md. These tests keep the two from drifting, and each migration
 * folder in step with its schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	generateDrizzleJson,
	generateMigration,
	generateSQLiteDrizzleJson,
	generateSQLiteMigration
} from 'drizzle-kit/api';
import { getTableName, is, SQL, type Column } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import {
	getTableConfig as sqliteConfig,
	SQLiteSyncDialect,
	SQLiteTable
} from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from './schema.pg.ts';
import * as sqliteSchema from './schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** A table as both dialects must agree on it (PostgreSQL type names). */
interface Shape {
	columns: Record<
		string,
		{ type: string; notNull: boolean; primary: boolean; default: unknown; unique: string | null }
	>;
	primaryKeys: string[][];
	indexes: Record<string, { columns: string[]; unique: boolean }>;
	foreignKeys: string[];
}

type ForeignKeyLike = {
	reference: () => { columns: Column[]; foreignColumns: Column[]; foreignTable: object };
	onDelete?: string;
	onUpdate?: string;
};
type IndexLike = { config: { name?: string; columns: unknown[]; unique: boolean } };
type TableConfig = {
	name: string;
	columns: Column[];
	primaryKeys: { columns: Column[] }[];
	indexes: IndexLike[];
	foreignKeys: ForeignKeyLike[];
};

function defaultOf(value: unknown, render: (sql: SQL) => string): unknown {
	if (is(value, SQL)) return render(value);
	// SQLite's boolean mode stores 0/1; PostgreSQL keeps those integers.
	if (typeof value === 'boolean') return Number(value);
	return value ?? null;
}

function shape(
	config: TableConfig,
	typeOf: (column: Column) => string,
	render: (sql: SQL) => string
): Shape {
	const indexColumn = (c: unknown) => (is(c, SQL) ? render(c) : (c as Column).name);
	return {
		columns: Object.fromEntries(
			config.columns.map((c) => [
				c.name,
				{
					type: typeOf(c),
					notNull: c.notNull,
					primary: c.primary,
					default: defaultOf(c.default, render),
					unique: c.isUnique ? (c.uniqueName ?? null) : null
				}
			])
		),
		primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
		indexes: Object.fromEntries(
			config.indexes.map((i) => [
				i.config.name ?? '',
				{ columns: i.config.columns.map(indexColumn), unique: i.config.unique }
			])
		),
		foreignKeys: config.foreignKeys
			.map((fk) => {
				const r = fk.reference();
				const cols = (cs: Column[]) => cs.map((c) => c.name).join(',');
				return `(${cols(r.columns)}) → ${getTableName(r.foreignTable as PgTable)}(${cols(r.foreignColumns)}) on delete ${fk.onDelete ?? 'no action'} on update ${fk.onUpdate ?? 'no action'}`;
			})
			.sort()
	};
}

/** docs/POSTGRES.md's mapping: every SQLite integer is a bigint, an autoincrement id a bigserial. */
function pgTypeOfSqlite(column: Column): string {
	const type = column.getSQLType();
	if (type === 'integer')
		return (column as Column & { autoIncrement?: boolean }).autoIncrement ? 'bigserial' : 'bigint';
	return { text: 'text', blob: 'bytea', real: 'double precision' }[type] ?? `unmapped ${type}`;
}

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

const sqliteTables = new Map(
	Object.values(sqliteSchema as Record<string, unknown>)
		.filter((v): v is SQLiteTable => is(v, SQLiteTable))
		.map((t) => {
			const config = sqliteConfig(t) as unknown as TableConfig;
			return [config.name, { config, table: t }] as const;
		})
);
const pgTables = new Map(
	Object.values(pgSchema as Record<string, unknown>)
		.filter((v): v is PgTable => is(v, PgTable))
		.map((t) => {
			const config = pgConfig(t) as unknown as TableConfig;
			return [config.name, config] as const;
		})
);

/** Tables whose id SQLite hands out (AUTOINCREMENT), by name of the id column. */
const autoincrement = [...sqliteTables.values()].flatMap(({ config }) =>
	config.columns
		.filter((c) => (c as Column & { autoIncrement?: boolean }).autoIncrement)
		.map((c) => ({ table: config.name, column: c.name }))
);

/** Every SQL file of a migration folder, in the journal's order. */
function migrationSql(folder: string): string {
	const journal = JSON.parse(
		fs.readFileSync(path.join(ROOT, folder, 'meta/_journal.json'), 'utf8')
	) as { entries: { tag: string }[] };
	return journal.entries
		.map((e) => fs.readFileSync(path.join(ROOT, folder, `${e.tag}.sql`), 'utf8'))
		.join('\n');
}

function lastSnapshot(folder: string): unknown {
	const dir = path.join(ROOT, folder, 'meta');
	const last = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('_snapshot.json'))
		.sort()
		.at(-1);
	return JSON.parse(fs.readFileSync(path.join(dir, last ?? ''), 'utf8'));
}

describe('schema.pg.ts matches schema.ts', () => {
	it('has the same tables', () => {
		expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
	});

	for (const [name, { config }] of sqliteTables) {
		it(`has the same columns, keys, indexes and foreign keys in ${name}`, () => {
			const pg = pgTables.get(name);
			expect(pg, `schema.pg.ts has no table ${name}`).toBeDefined();
			if (!pg) return;
			const expected = shape(config, pgTypeOfSqlite, (s) => sqliteDialect.sqlToQuery(s).sql);
			const actual = shape(
				pg,
				(c) => c.getSQLType(),
				(s) => pgDialect.sqlToQuery(s).sql
			);
			expect(actual).toEqual(expected);
		});
	}
});

describe('drizzle-pg/ migrations', () => {
	const sql = migrationSql('drizzle-pg');

	it('give every autoincrement table a trigger that fills the NULL id drizzle sends', () => {
		// lantu_fill_id() sets NEW.id: an autoincrement column by any other name would need another.
		expect(autoincrement.filter((a) => a.column !== 'id')).toEqual([]);
		const triggered = [
			...sql.matchAll(
				/CREATE TRIGGER "?(\w+)"? BEFORE INSERT ON "?(\w+)"?\s+FOR EACH ROW EXECUTE FUNCTION lantu_fill_id\('(\w+)'\)/gi
			)
		].map((m) => ({ trigger: m[1], table: m[2], sequence: m[3] }));
		expect(triggered.map((t) => t.table).sort()).toEqual(autoincrement.map((a) => a.table).sort());
		// The sequence a bigserial column gets, by PostgreSQL's naming.
		for (const t of triggered)
			expect(t).toEqual({
				trigger: `${t.table}_fill_id`,
				table: t.table,
				sequence: `${t.table}_id_seq`
			});
	});

	it('have a PostgreSQL twin, by name, of each hand-written SQLite trigger', () => {
		const names = (text: string, quote: string) =>
			[...text.matchAll(new RegExp(`CREATE TRIGGER ${quote}?(\\w+)`, 'gi'))].map((m) => m[1]);
		const pg = new Set(names(sql, '"'));
		// The FTS5 table's cleanup trigger is a foreign key with ON DELETE CASCADE on PostgreSQL.
		const replaced = new Set(['consultation_opinion_index_fts_delete']);
		const missing = names(migrationSql('drizzle'), '`').filter(
			(n) => !pg.has(n) && !replaced.has(n)
		);
		expect(missing).toEqual([]);
	});

	it('make a plain table of each SQLite virtual (FTS5) table', () => {
		const virtual = [...migrationSql('drizzle').matchAll(/CREATE VIRTUAL TABLE `?(\w+)`?/gi)].map(
			(m) => m[1]
		);
		for (const name of virtual) expect(sql).toMatch(new RegExp(`CREATE TABLE "?${name}"? \\(`));
	});

	it('define the SQLite functions the schema defaults call', () => {
		expect(sql).toMatch(/CREATE FUNCTION unixepoch\(time_value text\)/);
		expect(sql).toMatch(/CREATE FUNCTION unixepoch\(\)/);
	});
});

describe('each migration folder is generated from its schema', () => {
	it('drizzle-pg/ holds every change of schema.pg.ts (run `npm run db:generate`)', async () => {
		const current = generateDrizzleJson(pgSchema);
		const statements = await generateMigration(
			lastSnapshot('drizzle-pg') as Parameters<typeof generateMigration>[0],
			current
		);
		expect(statements).toEqual([]);
	});

	it('drizzle/ holds every change of schema.ts (run `npm run db:generate`)', async () => {
		const current = await generateSQLiteDrizzleJson(sqliteSchema);
		const statements = await generateSQLiteMigration(
			lastSnapshot('drizzle') as Parameters<typeof generateSQLiteMigration>[0],
			current
		);
		expect(statements).toEqual([]);
	});
});

/**
 * The throwaway PostgreSQL the PostgreSQL pass runs on (tests/helpers/postgres.ts): a real cluster on
 * a free loopback port, databases created and dropped through psql, everything removed at stop.
 * PostgreSQL pass only: the SQLite pass must not need PostgreSQL installed (npm test counts a
 * missing PostgreSQL once, on its own).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	createDatabase,
	databaseUrlOf,
	dropDatabase,
	psql,
	startPostgres
} from '../helpers/postgres.ts';
import { ON_POSTGRES, PG_ADMIN_URL_ENV } from '../helpers/server.ts';

describe.runIf(ON_POSTGRES)('(PostgreSQL pass) a throwaway PostgreSQL cluster', () => {
	it('starts on loopback, creates a database, answers a query in it, drops it and goes away', async () => {
		const cluster = await startPostgres({ stopMode: 'immediate' });
		try {
			expect(cluster.url()).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`);
			const name = await cluster.createDatabase();
			expect(name).toMatch(/^lantu_[0-9a-f]{12}$/);
			expect(await cluster.psql('select 1', name)).toBe('1');
			// UTF-8 with a binary collation, as SQLite compares: 中 (U+4E2D) after 上 (U+4E0A).
			expect(
				await cluster.psql(
					"select string_agg(c, '' order by c) from unnest(array['中','上','a']) c",
					name
				)
			).toBe('a上中');
			await cluster.dropDatabase(name);
			expect(await cluster.psql(`select count(*) from pg_database where datname = '${name}'`)).toBe(
				'0'
			);
		} finally {
			await cluster.stop();
		}
		await expect(cluster.psql('select 1')).rejects.toThrow(/psql failed/);
		expect(fs.existsSync(cluster.dir)).toBe(false);
	});

	it('gives every test worker the run-wide cluster through the environment', async () => {
		const admin = process.env[PG_ADMIN_URL_ENV];
		expect(admin).toMatch(/^postgres:\/\//);
		const name = await createDatabase(admin!);
		try {
			expect(await psql(databaseUrlOf(admin!, name), 'select 1')).toBe('1');
		} finally {
			await dropDatabase(admin!, name);
		}
	});
});

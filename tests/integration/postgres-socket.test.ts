/**
 * PostgreSQL on the same machine over its Unix socket — Debian's default local connection, and no
 * TCP port to open — in libpq's URL form, postgres://user@/database?host=/socket/directory, which a
 * WHATWG URL cannot hold. The whole instance runs on it: start, sign-in, an edit acknowledged and
 * stored. (The start used to stop on "TypeError: Invalid URL" for this URL.)
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { createDatabase } from '../helpers/postgres.ts';
import { ON_SQLITE, PG_ADMIN_URL_ENV, startServer, type TestServer } from '../helpers/server.ts';
import { storedDocument } from '../helpers/stored.ts';

/** The test cluster's socket directory and port, as it reports them. */
async function socketOf(admin: string): Promise<{ directory: string; port: string; user: string }> {
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	try {
		const { rows } = await client.query<{ directories: string; port: string; user: string }>(
			"SELECT current_setting('unix_socket_directories') AS directories, current_setting('port') AS port, current_user AS user"
		);
		return {
			directory: rows[0].directories.split(',')[0].trim(),
			port: rows[0].port,
			user: rows[0].user
		};
	} finally {
		await client.end();
	}
}

describe.runIf(!ON_SQLITE)('PostgreSQL over its Unix socket', () => {
	let server: TestServer;
	let url: string;

	beforeAll(async () => {
		const admin = process.env[PG_ADMIN_URL_ENV] ?? '';
		const { directory, port, user } = await socketOf(admin);
		const database = await createDatabase(admin);
		url = `postgres://${user}@/${database}?host=${directory}&port=${port}`;
		server = await startServer({ databaseUrl: url });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('starts, signs in and stores an acknowledged edit', async () => {
		expect(url).not.toContain('127.0.0.1');
		expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
		const name = 'plan/1/section/6.4';
		const writer = connect(server.url, await login(server.url, 'fgw'), name);
		try {
			await eventually(() => expect(writer.provider.isSynced).toBe(true));
			writer.doc.getText('socket').insert(0, '经套接字保存');
			await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
			expect(storedDocument(server, name).getText('socket').toString()).toBe('经套接字保存');
		} finally {
			writer.destroy();
		}
	}, 60_000);
});

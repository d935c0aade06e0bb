/**
 * PostgreSQL goes away under a running instance and comes back (issue 20; docs/POSTGRES.md): the
 * process stays up and liveness says so, readiness says 503, pages say the database cannot be
 * reached (not "internal error") without holding the event loop for a connect timeout each, an
 * edit typed meanwhile is never acknowledged — and once PostgreSQL is back the instance reconnects
 * by itself, the edit is stored and nothing acknowledged before is lost. The instance talks to
 * PostgreSQL through a TCP relay (tests/helpers/relay.ts), so the test can cut every connection at
 * once (as a network failure or a database restart would) without touching the shared cluster.
 */
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { createDatabase, databaseUrlOf } from '../helpers/postgres.ts';
import { relayedUrl, startRelay } from '../helpers/relay.ts';
import {
	freePort,
	ON_SQLITE,
	PG_ADMIN_URL_ENV,
	startServer,
	type TestServer
} from '../helpers/server.ts';
import { storedDocument } from '../helpers/stored.ts';

describe.runIf(!ON_SQLITE)('PostgreSQL away and back', () => {
	let server: TestServer;
	let relay: Worker | undefined;
	let relayPort: number;
	let upstream: string;

	beforeAll(async () => {
		const admin = process.env[PG_ADMIN_URL_ENV] ?? '';
		upstream = databaseUrlOf(admin, await createDatabase(admin));
		relayPort = await freePort();
		relay = await startRelay(relayPort, upstream);
		server = await startServer({ databaseUrl: relayedUrl(upstream, relayPort) });
	});
	afterAll(async () => {
		await server?.stop();
		await relay?.terminate();
	});

	it('keeps the process up, says so truthfully, and stores the edit typed meanwhile once it is back', async () => {
		const name = 'plan/1/section/6.4';
		const cookie = await login(server.url, 'fgw');
		const writer = connect(server.url, cookie, name, { reconnect: true });
		try {
			await eventually(() => expect(writer.provider.isSynced).toBe(true));
			writer.doc.getText('outage').insert(0, '断网之前；');
			await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));

			await relay!.terminate(); // PostgreSQL is gone
			relay = undefined;
			writer.doc.getText('outage').insert(5, '断网期间；');

			// Liveness answers, readiness does not, a page says what is wrong.
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			await eventually(async () => expect((await fetch(`${server.url}/readyz`)).status).toBe(503));
			const page = await fetch(`${server.url}/`, { headers: { cookie } });
			expect(page.status).toBe(503);
			expect(await page.text()).toContain('数据库暂时无法连接');
			// The edit typed meanwhile was not acknowledged: the writer still holds it.
			await new Promise((r) => setTimeout(r, 500));
			expect(writer.provider.hasUnsyncedChanges).toBe(true);
			expect(() => process.kill(server.pid()!, 0)).not.toThrow(); // still running

			relay = await startRelay(relayPort, upstream); // it is back
			await eventually(
				async () => expect((await fetch(`${server.url}/readyz`)).status).toBe(200),
				15_000
			);
			await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), 15_000);
			expect(storedDocument(server, name).getText('outage').toString()).toBe(
				'断网之前；断网期间；'
			);
		} finally {
			writer.destroy();
		}
	}, 60_000);
});

/**
 * Liveness, readiness and the graceful drain of one instance (server/index.ts `shutdown`): on
 * SIGTERM every acknowledged edit is in the database, the client is told to reconnect (1012) and
 * the process exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { storedDocument } from '../helpers/stored.ts';

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop('SIGKILL');
});

describe('health, readiness and drain', () => {
	it('answers /healthz (live) and /readyz (database, migrations, collab) with 200', async () => {
		const live = await fetch(`${server.url}/healthz`);
		expect(live.status).toBe(200);
		const ready = await fetch(`${server.url}/readyz`);
		expect(ready.status).toBe(200);
		const body = (await ready.json()) as { status: string; checks: Record<string, string> };
		expect(body.status).toBe('ok');
		expect(body.checks).toEqual({ database: 'ok', migrations: 'ok', collab: 'ok' });
	});

	it('on SIGTERM stores every acknowledged edit, closes sockets with 1012 and exits 0', async () => {
		const name = 'plan/1/section/6.4';
		const writer = connect(server.url, await login(server.url, 'fgw'), name);
		const closes: number[] = [];
		writer.provider.on('close', ({ event }: { event: { code: number } }) =>
			closes.push(event.code)
		);
		const text = writer.doc.getText('drain');
		/** The text as it stood when the server had last acknowledged everything the writer sent. */
		let acknowledged = '';
		writer.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
			if (number === 0) acknowledged = text.toString();
		});
		try {
			await eventually(() => expect(writer.provider.isSynced).toBe(true));
			// Bursts sent without waiting (several updates in flight at once), each then acknowledged.
			for (let burst = 0; burst < 3; burst++) {
				for (let i = 0; i < 20; i++) text.insert(text.length, `${burst}-${i};`);
				await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), 10_000);
			}
			expect(acknowledged).toBe(text.toString());
			const waitedFor = acknowledged;
			// A last burst, and SIGTERM while it is on its way.
			for (let i = 0; i < 20; i++) text.insert(text.length, `last-${i};`);
			const exit = await server.stop('SIGTERM');
			expect(exit).toEqual({ code: 0, signal: null });
			await eventually(() => expect(closes).toContain(1012));

			const stored = storedDocument(server, name).getText('drain').toString();
			// Everything acknowledged is stored: the bursts waited for, and whatever of the last burst
			// the drain acknowledged before closing (usually all of it).
			expect(acknowledged.startsWith(waitedFor)).toBe(true);
			expect(stored.startsWith(acknowledged)).toBe(true);
			// Nothing is stored that the writer did not write.
			expect(text.toString().startsWith(stored)).toBe(true);
		} finally {
			writer.destroy();
		}
		await server.restart();
	});
});

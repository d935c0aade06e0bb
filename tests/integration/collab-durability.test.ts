import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { dropTrigger, openTestDb, refuseWrites } from '../helpers/db.ts';

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop('SIGKILL');
});

describe('durability', () => {
	it('keeps every acknowledged edit across a SIGKILL right after the last acknowledgement', async () => {
		const K = 15;
		const cookie = await login(server.url, 'fgw');
		const writer = connect(server.url, cookie, 'plan/1/section/6.4');
		await eventually(() => expect(writer.provider.isSynced).toBe(true));
		const text = writer.doc.getText('log');
		for (let i = 0; i < K; i++) {
			text.insert(text.length, `第${i + 1}条；`);
			// "Acknowledged" = the server answered every update of this provider (syncStatus true).
			await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), 5000);
			await new Promise((r) => setTimeout(r, 150 + Math.random() * 150));
		}
		const expected = text.toString();
		await server.stop('SIGKILL');
		writer.destroy();

		await server.restart();
		const again = await login(server.url, 'fgw');
		const reader = connect(server.url, again, 'plan/1/section/6.4');
		try {
			await eventually(() => expect(reader.provider.isSynced).toBe(true));
			expect(reader.doc.getText('log').toString()).toBe(expected);
			for (let i = 1; i <= K; i++) expect(expected).toContain(`第${i}条；`);
		} finally {
			reader.destroy();
		}
	});

	it('never acknowledges nor shows an edit whose commit failed, and stores it once the disk recovers', async () => {
		const name = 'plan/1/section/6.4';
		const fgw = await login(server.url, 'fgw');
		const writer = connect(server.url, fgw, name, { reconnect: true });
		const watcher = connect(server.url, await login(server.url, 'admin'), name, {
			reconnect: true
		});
		let closes = 0;
		writer.provider.on('close', () => closes++);
		try {
			await eventually(() =>
				expect(writer.provider.isSynced && watcher.provider.isSynced).toBe(true)
			);
			// The disk "fails": every append to the update log is aborted by the database.
			const db = openTestDb(server);
			refuseWrites(db, 'fail_appends', 'document_updates', 'INSERT', 'disk full (test)');
			writer.doc.getText('failure').insert(0, '断电也不丢');
			// The server drops the unsaved copy and closes the socket; nothing was acknowledged or shown.
			await eventually(() => expect(closes).toBeGreaterThan(0));
			expect(writer.provider.hasUnsyncedChanges).toBe(true);
			await new Promise((r) => setTimeout(r, 500)); // reconnects meanwhile fail the same way
			expect(writer.provider.hasUnsyncedChanges).toBe(true);
			expect(watcher.doc.getText('failure').toString()).toBe('');

			dropTrigger(db, 'fail_appends', 'document_updates'); // the disk recovers
			db.close();
			// The writer reconnects to a copy reloaded from disk and sends its edit again.
			await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), 10_000);
			await eventually(() => expect(watcher.doc.getText('failure').toString()).toBe('断电也不丢'));
		} finally {
			writer.destroy();
			watcher.destroy();
		}
		// Stored, not only in memory: it survives a SIGKILL.
		await server.stop('SIGKILL');
		await server.restart();
		const reader = connect(server.url, await login(server.url, 'admin'), name);
		try {
			await eventually(() => expect(reader.provider.isSynced).toBe(true));
			expect(reader.doc.getText('failure').toString()).toBe('断电也不丢');
		} finally {
			reader.destroy();
		}
	});

	it('refuses to serve a document whose stored state is corrupt, and leaves the rows untouched', async () => {
		const cookie = await login(server.url, 'admin');
		const writer = connect(server.url, cookie, 'plan/1/section/7.2');
		await eventually(() => expect(writer.provider.isSynced).toBe(true));
		writer.doc.getText('t').insert(0, '指导思想');
		await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
		writer.destroy();
		await server.stop('SIGKILL');

		const db = openTestDb(server);
		db.prepare(
			`INSERT INTO document_updates (name, "update", user_id, at) VALUES (?, ?, NULL, ?)`
		).run('plan/1/section/7.2', Buffer.from([0xff, 0x13, 0x00, 0x42, 0x99, 0x01]), Date.now());
		const before = db
			.prepare(`SELECT count(*) AS n FROM document_updates WHERE name = 'plan/1/section/7.2'`)
			.get() as { n: number };
		db.close();

		await server.restart();
		const again = await login(server.url, 'admin');
		let reason = '';
		const reader = connect(server.url, again, 'plan/1/section/7.2', {
			onAuthenticationFailed: (r) => (reason = r)
		});
		try {
			await eventually(() => expect(reason).toBe('document-load-failed'), 5000);
			expect(reader.provider.isSynced).toBe(false);
			expect(reader.doc.getText('t').toString()).toBe('');
		} finally {
			reader.destroy();
		}
		const health = await fetch(`${server.url}/healthz`);
		expect(health.status).toBe(200);
		const check = openTestDb(server, { readonly: true });
		const after = check
			.prepare(`SELECT count(*) AS n FROM document_updates WHERE name = 'plan/1/section/7.2'`)
			.get() as { n: number };
		const snapshot = check
			.prepare(`SELECT count(*) AS n FROM document_snapshots WHERE name = 'plan/1/section/7.2'`)
			.get() as { n: number };
		check.close();
		expect(after.n).toBe(before.n);
		expect(snapshot.n).toBe(0);
	});
});

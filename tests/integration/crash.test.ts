/**
 * Issue 11, items 1–3: requests that used to stop the whole server. Each case sends the request to
 * the real server, checks the refusal (or the still-valid session), then checks that the process is
 * still serving: a page over HTTP and a WebSocket that syncs a document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventually } from '../helpers/collab.ts';
import { dropTrigger, openTestDb, refuseWrites } from '../helpers/db.ts';
import { DEMO_PASSWORD, login } from '../helpers/http.ts';
import { rawRequest, upgradeRequest } from '../helpers/raw-http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const DOC = 'plan/1/section/9.1'; // fgw writes 9.1

/** The process answers pages and opens a WebSocket that syncs a document. */
async function assertServing(server: TestServer, cookie: string, origin = server.url) {
	const page = await fetch(`${server.url}/login`);
	expect(page.status).toBe(200);
	const client = connect(server.url, cookie, DOC, { origin });
	try {
		await eventually(() => expect(client.provider.isSynced).toBe(true), 10_000);
	} finally {
		client.destroy();
	}
}

describe('without ORIGIN', () => {
	let server: TestServer;
	let cookie: string;

	beforeAll(async () => {
		server = await startServer();
		cookie = await login(server.url, 'fgw');
	});
	afterAll(async () => {
		await server?.stop('SIGKILL');
	});

	const host = () => `127.0.0.1:${server.port}`;

	it('refuses a /collab upgrade whose session cookie is not percent-encoding, and serves on', async () => {
		for (const value of ['%', '%zz', '%E0%A4%A', `${cookie.split('=')[1]}%`]) {
			const response = await rawRequest(
				server.port,
				upgradeRequest(
					[
						['Origin', server.url],
						['Cookie', `other=1; lantu-session=${value}`]
					],
					{ host: host() }
				)
			);
			expect(response.status, value).toBe(401);
		}
		// The web app's own cookie reader takes the same value calmly.
		const page = await fetch(`${server.url}/`, {
			headers: { cookie: 'lantu-session=%' },
			redirect: 'manual'
		});
		expect(page.status).toBeLessThan(500);
		await assertServing(server, cookie);
	});

	it('refuses a bad Host header with 400, on an upgrade and a page, and serves on', async () => {
		for (const badHost of ['a b', 'a/b', 'a\tb', '[::1', 'ä.example']) {
			const upgrade = await rawRequest(
				server.port,
				upgradeRequest(
					[
						['Origin', `http://${badHost}`],
						['Cookie', cookie]
					],
					{ host: badHost }
				)
			);
			expect(upgrade.status, badHost).toBe(400);
			const page = await rawRequest(
				server.port,
				`GET /plans HTTP/1.1\r\nHost: ${badHost}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`
			);
			expect(page.status, badHost).toBe(400);
		}
		await assertServing(server, cookie);
	});

	it('answers an upgrade to another path with 404 and a request without Host on /collab with 403', async () => {
		const other = await rawRequest(server.port, upgradeRequest([], { path: '/elsewhere' }));
		expect(other.status).toBe(404);
		const noHost = await rawRequest(
			server.port,
			upgradeRequest([['Cookie', cookie]], { host: null })
		);
		expect([400, 403]).toContain(noHost.status);
		await assertServing(server, cookie);
	});

	it('skips a session renewal the full disk refuses: the upgrade and the page go on with the valid session', async () => {
		const db = openTestDb(server);
		try {
			// Make the session due for renewal (renewal writes at most once a minute).
			const soon = Date.now() + 5 * 60_000;
			db.prepare(
				`UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE username = 'fgw')`
			).run(soon);
			// The disk "fills up": the database refuses every write the upgrade path could make. A trigger,
			// as in the durability tests; the server's handling does not depend on the error's code.
			for (const [table, event] of [
				['sessions', 'UPDATE'],
				['sessions', 'DELETE'],
				['document_updates', 'INSERT']
			] as const) {
				refuseWrites(db, `full_${table}_${event}`, table, event, 'database or disk is full (test)');
			}
			// Reconnect after the disk filled: the upgrade goes through with the still-valid session.
			const upgrade = await rawRequest(
				server.port,
				upgradeRequest(
					[
						['Origin', server.url],
						['Cookie', cookie]
					],
					{ host: host() }
				)
			);
			expect(upgrade.status).toBe(101);
			await assertServing(server, cookie);
			const page = await fetch(`${server.url}/plans/1/sections/9.1`, {
				headers: { cookie },
				redirect: 'manual'
			});
			expect(page.status).toBe(200);
			const stored = db
				.prepare(
					`SELECT expires_at AS at FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'fgw')`
				)
				.all() as { at: number }[];
			expect(stored.map((s) => s.at)).toContain(soon); // the renewal was skipped, not half-done
			expect(server.output()).toContain('session renewal skipped');

			// The disk recovers: the next request renews the session again.
			for (const [name, table] of [
				['full_sessions_UPDATE', 'sessions'],
				['full_sessions_DELETE', 'sessions'],
				['full_document_updates_INSERT', 'document_updates']
			])
				dropTrigger(db, name, table);
			await fetch(`${server.url}/`, { headers: { cookie }, redirect: 'manual' });
			const renewed = db
				.prepare(
					`SELECT max(expires_at) AS at FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'fgw')`
				)
				.get() as { at: number };
			expect(renewed.at).toBeGreaterThan(soon);
		} finally {
			db.close();
		}
		await assertServing(server, cookie);
	});

	it('sets nosniff on static assets, pages, API responses and refused upgrades', async () => {
		const page = await fetch(`${server.url}/login`);
		const html = await page.text();
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		const asset = /(_app\/immutable\/[^"]+\.js)"/.exec(html)?.[1];
		expect(asset).toBeTruthy();
		for (const path of [
			`/${asset!}`,
			'/favicon.svg',
			'/healthz',
			'/api/plans/1/sections/9.1/comments'
		]) {
			const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
		}
		const refused = await rawRequest(server.port, upgradeRequest([], { host: host() }));
		expect(refused.status).toBe(403);
		expect(refused.text.toLowerCase()).toContain('x-content-type-options: nosniff');
	});
});

describe('with ORIGIN set', () => {
	const ORIGIN = 'https://lantu.example.gov.cn';
	let server: TestServer;
	let cookie: string;

	/** fgw's login form, written by hand: the Host and Origin headers exactly as given. */
	function rawLogin(host: string, origin: string) {
		const body = new URLSearchParams({ username: 'fgw', password: DEMO_PASSWORD }).toString();
		return rawRequest(
			server.port,
			[
				'POST /login HTTP/1.1',
				`Host: ${host}`,
				`Origin: ${origin}`,
				'Content-Type: application/x-www-form-urlencoded',
				'Accept: text/html',
				`Content-Length: ${body.length}`,
				'Connection: close',
				'',
				body
			].join('\r\n')
		);
	}

	beforeAll(async () => {
		server = await startServer({ env: { ORIGIN } });
		// A browser behind the TLS proxy, which passes the public Host on; its Origin is the public one.
		const response = await rawLogin('lantu.example.gov.cn', ORIGIN);
		expect(response.status).toBe(303);
		cookie = /set-cookie: (lantu-session=[^;]+)/i.exec(response.text)![1];
	});
	afterAll(async () => {
		await server?.stop('SIGKILL');
	});

	it('takes the origin from ORIGIN, also behind a proxy that passes its upstream Host on', async () => {
		const login = (origin: string) => rawLogin(`127.0.0.1:${server.port}`, origin);
		expect((await login(ORIGIN)).status).toBe(303);
		// The address the proxy talked to is not the public origin: a page there is another site.
		expect((await login(`http://127.0.0.1:${server.port}`)).status).toBe(403);
	});

	it('refuses a /collab upgrade whose session cookie is not percent-encoding, and serves on', async () => {
		for (const host of ['lantu.example.gov.cn', `127.0.0.1:${server.port}`, 'a b']) {
			const response = await rawRequest(
				server.port,
				upgradeRequest(
					[
						['Origin', ORIGIN],
						['Cookie', 'lantu-session=%']
					],
					{ host }
				)
			);
			expect(response.status, host).toBe(host === 'a b' ? 400 : 401);
		}
		await assertServing(server, cookie, ORIGIN);
	});
});

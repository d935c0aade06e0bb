/**
 * Limits that fit a city behind one proxy (issue 11, items 5, 6 and 10): TRUST_PROXY decides which
 * address the login throttle and the /collab caps count; password guessing is throttled atomically
 * per (account, address), and the owner still logs in from their own address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { collabUrl } from '../helpers/collab.ts';
import { DEMO_PASSWORD, login, postForm } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { openTestDb } from '../helpers/db.ts';

let trusting: TestServer;
let plain: TestServer;

beforeAll(async () => {
	[trusting, plain] = await Promise.all([
		startServer({ env: { TRUST_PROXY: '127.0.0.1', COLLAB_MAX_CONNECTIONS_PER_IP: '3' } }),
		startServer({ env: { COLLAB_MAX_CONNECTIONS_PER_IP: '3' } })
	]);
});
afterAll(async () => {
	await Promise.all([trusting?.stop(), plain?.stop()]);
});

/** The login form posted through a proxy that says the browser is at `from`. */
function postLogin(server: TestServer, username: string, password: string, from: string) {
	return postForm(server.url, '/login', { username, password }, undefined, {
		'x-forwarded-for': from
	});
}

function audit(server: TestServer, sql: string, ...params: unknown[]) {
	const db = openTestDb(server, { readonly: true });
	try {
		return db.prepare(sql).all(...params) as Record<string, unknown>[];
	} finally {
		db.close();
	}
}

/** Opens a raw socket from a claimed address; resolves with 101 or the refusal's HTTP status. */
function openFrom(server: TestServer, cookie: string, from: string, keep: WebSocket[]) {
	return new Promise<number>((resolve, reject) => {
		const ws = new WebSocket(collabUrl(server.url), {
			headers: { cookie, origin: server.url, 'x-forwarded-for': from }
		});
		ws.on('open', () => {
			keep.push(ws);
			resolve(101);
		});
		ws.on('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			ws.terminate();
		});
		ws.on('error', reject);
	});
}

describe('login throttling', () => {
	it('evaluates at most 5 of 60 parallel wrong passwords, and the owner still logs in from elsewhere', async () => {
		const attacker = '203.0.113.7';
		const responses = await Promise.all(
			Array.from({ length: 60 }, (_, i) => postLogin(trusting, 'fgw', `wrong-${i}`, attacker))
		);
		const statuses = responses.map((r) => r.status);
		expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(5);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(55);
		const failed = audit(
			trusting,
			"SELECT ip FROM audit_log WHERE action = 'login.failed' AND target = 'fgw'"
		);
		expect(failed.length).toBeGreaterThan(0);
		expect(failed.length).toBeLessThanOrEqual(5);
		// The address counted is the forwarded one, since the proxy (loopback) is trusted.
		expect(new Set(failed.map((r) => r.ip))).toEqual(new Set([attacker]));

		// The attacker stays refused, even with the right password …
		expect((await postLogin(trusting, 'fgw', DEMO_PASSWORD, attacker)).status).toBe(429);
		// … while the owner, from their own address, logs in at once.
		const owner = await postLogin(trusting, 'fgw', DEMO_PASSWORD, '198.51.100.9');
		expect(owner.status).toBe(303);
		const logins = audit(
			trusting,
			"SELECT ip FROM audit_log WHERE action = 'login' AND actor_id = (SELECT id FROM users WHERE username = 'fgw')"
		);
		expect(logins.map((r) => r.ip)).toContain('198.51.100.9');
	});

	it('without TRUST_PROXY, a forwarded address is the client’s own claim and changes nothing', async () => {
		for (let i = 0; i < 5; i++) {
			expect((await postLogin(plain, 'gaj', `wrong-${i}`, `203.0.113.${i}`)).status).toBe(400);
		}
		// All five came from loopback, whatever they claimed: the pair (gaj, loopback) is spent.
		expect((await postLogin(plain, 'gaj', DEMO_PASSWORD, '198.51.100.9')).status).toBe(429);
		const failed = audit(
			plain,
			"SELECT DISTINCT ip FROM audit_log WHERE action = 'login.failed' AND target = 'gaj'"
		);
		expect(failed.map((r) => r.ip)).toEqual(['127.0.0.1']);
		// Another account from the same address is not locked by it.
		expect((await postLogin(plain, 'wjw', DEMO_PASSWORD, '203.0.113.1')).status).toBe(303);
	});
});

describe('the account page’s current-password check', () => {
	it('shares the login’s throttle: no side door for guessing', async () => {
		const cookie = await login(plain.url, 'reviewer');
		const change = (current: string) =>
			postForm(
				plain.url,
				'/account?/password',
				{ current, password: 'another-pass-1', confirm: 'another-pass-1' },
				cookie
			);
		for (let i = 0; i < 5; i++) expect((await change(`wrong-${i}`)).status).toBe(400);
		const throttled = await change(DEMO_PASSWORD);
		expect(throttled.status).toBe(429);
		expect(await throttled.text()).toContain('密码错误次数过多');
	});
});

describe('collaboration sockets per address', () => {
	it('with TRUST_PROXY, counts each forwarded address on its own', async () => {
		const sockets: WebSocket[] = [];
		try {
			const admin = await login(trusting.url, 'admin');
			const dsj = await login(trusting.url, 'dsj');
			for (let i = 0; i < 3; i++)
				expect(await openFrom(trusting, admin, '192.0.2.1', sockets)).toBe(101);
			expect(await openFrom(trusting, dsj, '192.0.2.1', sockets)).toBe(429);
			expect(await openFrom(trusting, dsj, '192.0.2.2', sockets)).toBe(101);
		} finally {
			for (const ws of sockets) ws.terminate();
		}
	});

	it('without TRUST_PROXY, every socket from the proxy counts against one address', async () => {
		const sockets: WebSocket[] = [];
		try {
			const admin = await login(plain.url, 'admin');
			for (let i = 0; i < 3; i++) {
				expect(await openFrom(plain, admin, `192.0.2.${i}`, sockets)).toBe(101);
			}
			expect(await openFrom(plain, admin, '192.0.2.9', sockets)).toBe(429);
		} finally {
			for (const ws of sockets) ws.terminate();
		}
	});
});

describe('refused upgrades', () => {
	it('are bounded per address, while a valid session from that address still connects', async () => {
		const server = await startServer({
			seed: true,
			env: { TRUST_PROXY: '1', COLLAB_REFUSED_UPGRADES_PER_MINUTE: '5' }
		});
		const sockets: WebSocket[] = [];
		try {
			const admin = await login(server.url, 'admin');
			for (let i = 0; i < 5; i++) {
				expect(await openFrom(server, 'lantu-session=nonsense', '192.0.2.50', sockets)).toBe(401);
			}
			expect(await openFrom(server, 'lantu-session=nonsense', '192.0.2.50', sockets)).toBe(429);
			expect(await openFrom(server, 'lantu-session=nonsense', '192.0.2.50', sockets)).toBe(429);
			expect(await openFrom(server, admin, '192.0.2.50', sockets)).toBe(101);
			// Another address is unaffected.
			expect(await openFrom(server, 'lantu-session=nonsense', '192.0.2.51', sockets)).toBe(401);
		} finally {
			for (const ws of sockets) ws.terminate();
			await server.stop();
		}
	});
});

describe('configuration', () => {
	it('refuses to start with a cap that is not a number, naming the variable', async () => {
		await expect(
			startServer({ seed: false, env: { COLLAB_MAX_CONNECTIONS_PER_IP: 'abc' } })
		).rejects.toThrow(/COLLAB_MAX_CONNECTIONS_PER_IP/);
		await expect(startServer({ seed: false, env: { TRUST_PROXY: '10.0.0.0/40' } })).rejects.toThrow(
			/TRUST_PROXY/
		);
	});
});

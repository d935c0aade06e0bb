import { describe, expect, it } from 'vitest';
import { connect, eventually, upgradeStatus } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';
import { openTestDb } from '../helpers/db.ts';

const { server, cookies } = serverPerFile(['fgw', 'admin']);
const cookieOf = (who: string) => cookies.get(who) ?? '';

describe('/collab with a valid session', () => {
	it('syncs a section between two members: the owning editor writes, another member sees it', async () => {
		const writer = connect(server.url, cookieOf('fgw'), 'plan/1/section/6.1');
		const reader = connect(server.url, cookieOf('admin'), 'plan/1/section/6.1');
		try {
			await eventually(() => expect(writer.provider.isSynced).toBe(true));
			await eventually(() => expect(reader.provider.isSynced).toBe(true));
			writer.doc.getText('probe').insert(0, '示例市发展战略');
			await eventually(() => expect(reader.doc.getText('probe').toString()).toBe('示例市发展战略'));
		} finally {
			writer.destroy();
			reader.destroy();
		}
	});

	it('refuses a participant (residents’ representative) the live draft', async () => {
		const jumin = await login(server.url, 'jumin');
		let reason = '';
		const client = connect(server.url, jumin, 'plan/1/section/6.1', {
			onAuthenticationFailed: (r) => (reason = r)
		});
		try {
			await eventually(() => expect(reason).toBe('forbidden'));
			expect(client.provider.isSynced).toBe(false);
		} finally {
			client.destroy();
		}
	});

	it('refuses document names that are not a section of a plan', async () => {
		for (const name of [
			'plan/1/section/7.1',
			'plan/1/section/../../x',
			'anything',
			'plan/999/section/6.1'
		]) {
			let reason = '';
			const client = connect(server.url, cookieOf('admin'), name, {
				onAuthenticationFailed: (r) => (reason = r)
			});
			try {
				await eventually(() => expect(reason, name).toBe('forbidden'));
			} finally {
				client.destroy();
			}
		}
	});
});

describe('/collab upgrade refusals', () => {
	it('refuses a handshake without a session cookie (401)', async () => {
		expect(await upgradeStatus(server.url, { origin: server.url })).toBe(401);
	});

	it('refuses a garbage session cookie (401)', async () => {
		expect(
			await upgradeStatus(server.url, { origin: server.url, cookie: 'lantu-session=not-a-token' })
		).toBe(401);
	});

	it('refuses a foreign Origin even with a valid session (403)', async () => {
		expect(
			await upgradeStatus(server.url, { origin: 'https://evil.example', cookie: cookieOf('fgw') })
		).toBe(403);
		expect(await upgradeStatus(server.url, { cookie: cookieOf('fgw') })).toBe(403);
	});

	it('accepts the same session from our own origin (101)', async () => {
		expect(await upgradeStatus(server.url, { origin: server.url, cookie: cookieOf('fgw') })).toBe(
			101
		);
	});

	it('refuses an expired session (401)', async () => {
		const cookie = await login(server.url, 'gaj');
		expect(await upgradeStatus(server.url, { origin: server.url, cookie })).toBe(101);
		const db = openTestDb(server);
		try {
			db.prepare(
				"UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE username = 'gaj')"
			).run(Date.now() - 1000);
		} finally {
			db.close();
		}
		expect(await upgradeStatus(server.url, { origin: server.url, cookie })).toBe(401);
	});
});

describe('read-only connections', () => {
	it('gives an approver read-only access, and the server drops its updates', async () => {
		// 6.3 belongs to 大数据局; the approver (区政府) reads it. Other departments' editors may
		// suggest (修订, tests/integration/collab-suggest.test.ts), an approver may not.
		const leader = await login(server.url, 'leader');
		const reader = connect(server.url, leader, 'plan/1/section/6.3');
		const owner = connect(server.url, cookieOf('admin'), 'plan/1/section/6.3');
		try {
			await eventually(() => expect(reader.provider.isSynced).toBe(true));
			await eventually(() => expect(owner.provider.isSynced).toBe(true));
			expect(reader.provider.authorizedScope).toBe('readonly');
			expect(owner.provider.authorizedScope).toBe('read-write');
			owner.doc.getText('probe').insert(0, '现状评估');
			await eventually(() => expect(reader.doc.getText('probe').toString()).toBe('现状评估'));
			reader.doc.getText('probe').insert(0, '篡改');
			// A later write by the owner proves the reader's update was not relayed before it.
			owner.doc.getText('probe').insert(4, '。');
			await eventually(() => expect(reader.doc.getText('probe').toString()).toContain('。'));
			await new Promise((r) => setTimeout(r, 200));
			expect(owner.doc.getText('probe').toString()).toBe('现状评估。');
		} finally {
			reader.destroy();
			owner.destroy();
		}
		const fresh = connect(server.url, cookieOf('admin'), 'plan/1/section/6.3');
		try {
			await eventually(() => expect(fresh.provider.isSynced).toBe(true));
			expect(fresh.doc.getText('probe').toString()).toBe('现状评估。');
		} finally {
			fresh.destroy();
		}
	});
});

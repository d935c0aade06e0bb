import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventually } from '../helpers/collab.ts';
import { login, postForm } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: string;

beforeAll(async () => {
	server = await startServer();
	admin = await login(server.url, 'admin');
});
afterAll(async () => {
	await server?.stop();
});

/** SvelteKit answers a form action posted without JavaScript with the page (200/4xx) or a 303. */
async function action(path: string, fields: Record<string, string>, cookie: string) {
	const response = await postForm(server.url, path, fields, cookie);
	return {
		status: response.status,
		location: response.headers.get('location'),
		body: await response.text()
	};
}

async function page(path: string, cookie: string) {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
	return { status: response.status, body: await response.text() };
}

describe('system administration is for system administrators only', () => {
	it('refuses every admin action to a department editor and changes nothing', async () => {
		const fgw = await login(server.url, 'fgw');
		const attempts: [string, Record<string, string>][] = [
			[
				'/admin/users?/create',
				{ displayName: '黑客', username: 'intruder', organizationId: '1', password: 'password123' }
			],
			['/admin/users?/disable', { userId: '1' }],
			['/admin/users?/resetPassword', { userId: '1', password: 'password123' }],
			['/admin/organizations?/create', { name: '冒名单位', type: 'government' }],
			[
				'/admin/plans?/create',
				{
					name: '冒名规划',
					city: '某市',
					leadOrganizationId: '1',
					periodStart: '2026',
					periodEnd: '2030'
				}
			]
		];
		for (const [path, fields] of attempts) {
			const result = await action(path, fields, fgw);
			expect(result.status, path).toBe(403);
		}
		const users = await page('/admin/users', admin);
		expect(users.body).not.toContain('intruder');
		const orgs = await page('/admin/organizations', admin);
		expect(orgs.body).not.toContain('冒名单位');
		expect((await page('/admin/users', fgw)).status).toBe(403);
	});

	it('refuses plan management to plan members who are not plan admins', async () => {
		const dsj = await login(server.url, 'dsj');
		expect((await page('/plans/1/manage', dsj)).status).toBe(403);
		expect(
			(
				await action(
					'/plans/1/manage/sections?/assign',
					{ clause: '6.1', organizationId: '1' },
					dsj
				)
			).status
		).toBe(403);
		expect((await action('/plans/1/manage?/add', { userId: '2', role: 'admin' }, dsj)).status).toBe(
			403
		);
		expect(
			(
				await action(
					'/plans/1/manage/invites?/create',
					{ organizationId: '7', role: 'resident' },
					dsj
				)
			).status
		).toBe(403);
	});
});

describe('plans', () => {
	it('keeps the last plan admin: removing their admin role is refused and changes nothing', async () => {
		// The demo plan has one admin, 王建国 (user 1, the seed's first account).
		const refused = await action('/plans/1/manage?/remove', { userId: '1', role: 'admin' }, admin);
		expect(refused.status).toBe(400);
		expect(refused.body).toContain('规划至少要保留一名牵头单位管理员');
		expect((await page('/plans/1/manage', admin)).status).toBe(200);
	});

	it('refuses a period that ends before it starts, and an outlook year inside the period', async () => {
		const fields = {
			name: '倒置规划',
			city: '示例市',
			leadOrganizationId: '1',
			periodStart: '2030',
			periodEnd: '2026',
			planAdminId: 'self'
		};
		const reversed = await action('/admin/plans?/create', fields, admin);
		expect(reversed.status).toBe(400);
		expect(reversed.body).toContain('规划期结束年份不能早于起始年份');
		const badHorizon = await action(
			'/admin/plans?/create',
			{ ...fields, periodStart: '2026', periodEnd: '2030', horizonYear: '2029' },
			admin
		);
		expect(badHorizon.status).toBe(400);
		expect(badHorizon.body).toContain('展望年须晚于规划期结束年');
		expect((await page('/admin/plans', admin)).body).not.toContain('倒置规划');
	});

	it('accepts a period longer than 4.3’s typical 3–5 years, and an outlook year', async () => {
		// 4.3 says 一般 (typically): the plan is created and its checklist warns instead.
		const result = await action(
			'/admin/plans?/create',
			{
				name: '长周期规划（2025—2031年）',
				city: '示例市',
				leadOrganizationId: '1',
				periodStart: '2025',
				periodEnd: '2031',
				horizonYear: '2035',
				planAdminId: 'self'
			},
			admin
		);
		expect(result.status).toBe(303);
		expect((await page('/admin/plans', admin)).body).toContain('2025—2031年，展望2035年');
	});

	it('creates a plan with a valid period and makes the creator its admin', async () => {
		const result = await action(
			'/admin/plans?/create',
			{
				name: '测试市智慧城市顶层设计（2027—2029年）',
				city: '测试市',
				leadOrganizationId: '1',
				periodStart: '2027',
				periodEnd: '2029',
				planAdminId: 'self'
			},
			admin
		);
		expect(result.status).toBe(303);
		expect(result.location).toMatch(/^\/plans\/\d+\/manage$/);
		expect((await page(result.location ?? '', admin)).status).toBe(200);
	});
});

describe('invites', () => {
	it('turns an invite link into an account with the offered role, once', async () => {
		const created = await action(
			'/plans/1/manage/invites?/create',
			{ organizationId: '7', role: 'resident' },
			admin
		);
		expect(created.status).toBe(200);
		const link = /\/invite\/([a-z0-9]+)/.exec(created.body)?.[1];
		expect(link).toBeTruthy();

		const accepted = await action(
			`/invite/${link}`,
			{ displayName: '钱居民', username: 'qian', password: 'qian-2026-pw' },
			''
		);
		expect(accepted.status).toBe(303);
		expect(accepted.location).toBe('/plans/1');

		const qian = await login(server.url, 'qian', 'qian-2026-pw');
		const plan = await page('/plans/1', qian);
		expect(plan.status).toBe(200);
		expect(plan.body).toContain('居民代表');

		const again = await action(
			`/invite/${link}`,
			{ displayName: '重复', username: 'qian2', password: 'qian-2026-pw' },
			''
		);
		expect(again.status).toBe(410);
		expect(again.body).toContain('已被使用');
	});

	it('refuses a role that does not fit the organization', async () => {
		const result = await action(
			'/plans/1/manage/invites?/create',
			{ organizationId: '7', role: 'editor' },
			admin
		);
		expect(result.status).toBe(400);
		expect(result.body).toContain('角色与成员所在单位的类型不符');
	});
});

describe('disabling an account', () => {
	it('ends its web sessions and live collab connections at once', async () => {
		const wjw = await login(server.url, 'wjw');
		expect((await page('/', wjw)).status).toBe(200);
		const client = connect(server.url, wjw, 'plan/1/section/6.2');
		try {
			await eventually(() => expect(client.provider.isSynced).toBe(true));
			const users = (await page('/admin/users', admin)).body;
			const id = new RegExp(`刘芳[^]*?name="userId" value="(\\d+)"`).exec(users)?.[1];
			expect(id).toBeTruthy();
			const disabled = await action('/admin/users?/disable', { userId: id ?? '' }, admin);
			expect(disabled.status).toBe(200);
			const home = await page('/', wjw);
			expect(home.status).toBe(303);
			await eventually(() => expect(client.provider.isSynced).toBe(false));
		} finally {
			client.destroy();
		}
	});
});

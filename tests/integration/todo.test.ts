/**
 * 待办 against the real server: each person sees exactly the sign-off step awaiting them (on the
 * 待办 page, first on the landing page, and as the header's count) and it leaves once done.
 */
import { describe, expect, it } from 'vitest';
import { serverPerFile } from '../helpers/server-per-file.ts';
import { SIGN_OFF_POLICY, WAIVER, workflowActor, type DemoAccount } from '../helpers/sign-off.ts';
import { DEMO_PASSWORD } from '../helpers/http.ts';

/** These tests are about sign-off, not consultation: the admin waives the round. */
const NO_ROUND: [string, string] = ['consultationWaiver', '测试：本轮不征求意见'];

const ACCOUNTS = ['admin', 'reviewer', 'expert', 'qiye', 'jumin', 'leader'] as const;
const { server, cookies } = serverPerFile(ACCOUNTS);

const act = workflowActor(
	() => server.url,
	(who) => cookies.get(who) ?? '',
	'requirements'
);

/** The kinds of the 待办 items a page lists for an account, and the header's count. */
async function todo(who: DemoAccount, path = '/todo') {
	const response = await fetch(`${server.url}${path}`, {
		headers: { cookie: cookies.get(who) ?? '' }
	});
	expect(response.status).toBe(200);
	const html = await response.text();
	const kinds = [...html.matchAll(/data-todo="([a-z]+)"/g)].map((m) => m[1]);
	const count = /data-todo-count[^>]*>(\d+)</.exec(html)?.[1];
	return { kinds, count: count === undefined ? 0 : Number(count), html };
}

async function inbox(who: DemoAccount): Promise<string> {
	const response = await fetch(`${server.url}/inbox`, { headers: { cookie: cookies.get(who)! } });
	return response.text();
}

describe('待办', () => {
	it('shows each signer their step, on the page, the landing page and the header, until done', async () => {
		for (const who of ACCOUNTS) expect((await todo(who)).kinds).not.toContain('approve');

		await act('admin', 'policy', [...SIGN_OFF_POLICY, NO_ROUND]);
		await act('admin', 'submit', WAIVER);

		expect((await todo('reviewer')).kinds).toEqual(['countersign']);
		expect((await todo('expert')).kinds).toEqual(['countersign']);
		// A new task is announced in the inbox (not to the admin who submitted).
		expect(await inbox('reviewer')).toContain('data-notification="task"');
		expect(await inbox('admin')).not.toContain('data-notification="task"');
		expect((await todo('qiye')).kinds).toEqual(['confirm']);
		expect((await todo('jumin')).kinds).toEqual(['confirm']);
		expect((await todo('leader')).kinds).toEqual([]);
		// The landing page lists them first, and links to the activity's sign-off page.
		const home = await todo('reviewer', '/');
		expect(home.kinds).toEqual(['countersign']);
		expect(home.count).toBe(1);
		expect(home.html.indexOf('data-home-todo')).toBeLessThan(home.html.indexOf('data-todo-list'));
		expect(home.html).toContain('href="/plans/1/workflow/requirements"');

		await act('reviewer', 'countersign');
		expect((await todo('reviewer')).kinds).toEqual([]);
		expect((await todo('expert')).kinds).toEqual(['countersign']);
		await act('expert', 'countersign');
		await act('qiye', 'confirm');
		expect((await todo('qiye')).kinds).toEqual([]);
		await act('jumin', 'confirm');

		const leader = await todo('leader', '/');
		expect(leader.kinds).toEqual(['approve']);
		expect(leader.count).toBe(1);
		await act('leader', 'approve', [['password', DEMO_PASSWORD]]);
		expect((await todo('leader')).kinds).toEqual([]);
		expect((await todo('leader')).count).toBe(0);
	});

	it('sends a returned activity to the plan admin', async () => {
		await act('admin', 'reopen', [['reason', '补充内容']]);
		await act('admin', 'submit', WAIVER);
		await act('reviewer', 'return', [['opinion', '请补充数据来源']]);
		expect((await todo('admin')).kinds).toContain('returned');
		await act('admin', 'resume');
		expect((await todo('admin')).kinds).not.toContain('returned');
	});

	it('refuses the page to a visitor without a session', async () => {
		const response = await fetch(`${server.url}/todo`, { redirect: 'manual' });
		expect([302, 303]).toContain(response.status);
	});
});

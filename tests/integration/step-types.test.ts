/**
 * Step types of the countersign step (issue 14): 或签 completes with one signer, 依次 refuses an
 * out-of-order signer (and shows the step in 待办 only to the department whose turn it is), 比例
 * completes at k of n or p%; deadlines in working days show in 待办 and turn to 已逾期 once past.
 */
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../helpers/db.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';
import { EXPERTS, FGW, WAIVER, workflowStatus } from '../helpers/sign-off.ts';

const ACCOUNTS = ['admin', 'reviewer', 'expert', 'leader'] as const;
type Account = (typeof ACCOUNTS)[number];
const { server, cookies } = serverPerFile(ACCOUNTS);

const { query, write } = testDatabase(() => server);

const act = (who: Account, activity: string, action: string, fields: [string, string][] = []) =>
	workflowStatus(server.url, cookies.get(who), activity, action, fields);

const stateOf = (activity: string) =>
	query<{ state: string }>(
		'SELECT state FROM plan_activities WHERE plan_id = 1 AND activity = ?',
		activity
	).state;

async function todo(who: Account) {
	const response = await fetch(`${server.url}/todo`, { headers: { cookie: cookies.get(who)! } });
	const html = await response.text();
	return {
		kinds: [...html.matchAll(/data-todo="([a-z]+)"/g)].map((m) => m[1]),
		deadline: /data-todo-deadline[^>]*>([^<]+)</.exec(html)?.[1] ?? null
	};
}

/** How many inbox notifications of a kind an account has. */
async function notices(who: Account, kind: string): Promise<number> {
	const response = await fetch(`${server.url}/inbox`, { headers: { cookie: cookies.get(who)! } });
	const html = await response.text();
	return [...html.matchAll(new RegExp(`data-notification="${kind}"`, 'g'))].length;
}

const policy = (mode: string, departments: number[], extra: [string, string][] = []) =>
	[
		...departments.map((d): [string, string] => ['departments', String(d)]),
		['mode', mode],
		['enterpriseCount', '0'],
		['residentCount', '0'],
		['approverId', ''],
		['consultationWaiver', '测试：不征求意见'],
		...extra
	] satisfies [string, string][];

describe('step types', () => {
	it('或签: one signer completes the step', async () => {
		expect(await act('admin', 'requirements', 'policy', policy('any', [FGW, EXPERTS]))).toBe(200);
		expect(await act('admin', 'requirements', 'submit', WAIVER)).toBe(200);
		expect((await todo('expert')).kinds).toEqual(['countersign']);
		expect(await act('reviewer', 'requirements', 'countersign', [['decision', 'agree']])).toBe(200);
		expect(stateOf('requirements')).toBe('approval');
		expect((await todo('expert')).kinds).toEqual([]);
		expect((await todo('leader')).kinds).toEqual(['approve']);
	});

	it('依次: refuses an out-of-order signer and shows the step only to the next department', async () => {
		const ordered = policy(
			'sequence',
			[FGW, EXPERTS],
			[
				[`order-${EXPERTS}`, '1'],
				[`order-${FGW}`, '2']
			]
		);
		expect(await act('admin', 'overall', 'policy', ordered)).toBe(200);
		expect(
			JSON.parse(
				query<{ departments: string }>(
					"SELECT departments FROM activity_policies WHERE activity = 'overall'"
				).departments
			)
		).toEqual([EXPERTS, FGW]);
		expect(await act('admin', 'overall', 'submit', WAIVER)).toBe(200);
		expect((await todo('reviewer')).kinds).not.toContain('countersign');
		expect((await todo('expert')).kinds).toContain('countersign');
		expect(await act('reviewer', 'overall', 'countersign', [['decision', 'agree']])).toBe(409);
		const page = await fetch(`${server.url}/plans/1/workflow/overall`, {
			headers: { cookie: cookies.get('reviewer')! }
		});
		expect(await page.text()).toContain('data-testid="not-your-turn"');
		expect(await act('expert', 'overall', 'countersign', [['decision', 'agree']])).toBe(200);
		expect(stateOf('overall')).toBe('review');
		expect((await todo('reviewer')).kinds).toContain('countersign');
		expect(await act('reviewer', 'overall', 'countersign', [['decision', 'agree']])).toBe(200);
		expect(stateOf('overall')).toBe('approval');
	});

	it('比例: k of n, with k checked against the departments chosen, or p%', async () => {
		/** The architecture policy as 比例 over `departments`, with its threshold fields. */
		const threshold = (departments: number[], fields: [string, string][]) =>
			act('admin', 'architecture', 'policy', policy('threshold', departments, fields));
		const percent = (value: string, more: [string, string][] = []) =>
			threshold(
				[1, FGW, EXPERTS],
				[['thresholdUnit', 'percent'], ['thresholdPercent', value], ...more]
			);
		expect(await threshold([FGW, EXPERTS], [['threshold', '3']])).toBe(400);
		expect(await threshold([1, FGW, EXPERTS], [['threshold', '2']])).toBe(200);
		// …or as a share: ≥ 60% of three departments is two; 0% and 101% are refused.
		for (const bad of ['0', '101', 'lots']) expect(await percent(bad)).toBe(400);
		expect(await percent('60', [['threshold', '3']])).toBe(200);
		expect(
			query<{ threshold: number | null; percent: number }>(
				"SELECT threshold, threshold_percent AS percent FROM activity_policies WHERE plan_id = 1 AND activity = 'architecture'"
			)
		).toEqual({ threshold: null, percent: 60 });
		const chain = await fetch(`${server.url}/plans/1/workflow/architecture`, {
			headers: { cookie: cookies.get('admin')! }
		});
		expect(await chain.text()).toContain('至少 60% 签署（现为 2 家）');
		expect(await act('admin', 'architecture', 'submit', WAIVER)).toBe(200);
		expect(await act('reviewer', 'architecture', 'countersign', [['decision', 'agree']])).toBe(200);
		expect(stateOf('architecture')).toBe('review');
		expect(await act('expert', 'architecture', 'countersign', [['decision', 'agree']])).toBe(200);
		expect(stateOf('architecture')).toBe('approval');
	});

	it('shows a step’s deadline in 待办, and 已逾期 once it has passed', async () => {
		expect(
			await act('admin', 'roadmap', 'policy', policy('all', [FGW], [['deadlineDays', '3']]))
		).toBe(200);
		expect(await act('admin', 'roadmap', 'submit', WAIVER)).toBe(200);
		const due = await todo('reviewer');
		expect(due.kinds).toEqual(['countersign']);
		expect(due.deadline).toMatch(/前办理$/);
		// Time passes: the 送审稿 was formed three weeks ago.
		write(
			"UPDATE activity_versions SET created_at = created_at - ? WHERE activity = 'roadmap' AND milestone = 'review'",
			21 * 24 * 3600 * 1000
		);
		expect((await todo('reviewer')).deadline).toMatch(/^已逾期/);
		// The plan's dashboard flags it too.
		const plan = await fetch(`${server.url}/plans/1`, {
			headers: { cookie: cookies.get('admin')! }
		});
		expect(await plan.text()).toContain('data-overdue');
		// The reminder reaches the signer and the plan admin, once however often they look.
		await todo('reviewer');
		for (const who of ['reviewer', 'admin'] as const)
			expect(await notices(who, 'task_overdue')).toBe(1);
		expect(await notices('expert', 'task_overdue')).toBe(0);
		expect(
			query<{ n: number }>(
				"SELECT count(*) AS n FROM step_reminders WHERE activity = 'roadmap' AND stage = 'overdue'"
			).n
		).toBe(1);
	});

	it('has no test clock unless the server was started with LANTU_TEST_CLOCK', async () => {
		const response = await fetch(`${server.url}/api/test/clock`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: server.url,
				cookie: cookies.get('admin')!
			},
			body: JSON.stringify({ now: '2030-01-01T00:00:00Z', sweep: true })
		});
		expect(response.status).toBe(404);
	});

	it('tells each new signer in the inbox when a step awaits them', async () => {
		// 依次 on overall: the expert was told at 送审, 发改委's reviewer only once the expert signed.
		expect(await notices('expert', 'task')).toBeGreaterThanOrEqual(1);
		expect(await notices('leader', 'task')).toBeGreaterThanOrEqual(1);
	});
});

/**
 * 5.1.3 feedback through the real server: while 总体设计 drafts, its people file feedback on
 * 需求分析's 定稿 anchored to a section, a row or quoted words; 需求分析's owning department sees
 * it in 待办 and the inbox and answers; the filer is told; the workflow and version pages and the
 * exports list it. Hostile inputs (wrong role, other plan's ids, over-long text, words not in the
 * version, a row that is not there) get clear 4xx and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionPayload } from '../../src/lib/workflow/version.ts';
import { testDatabase } from '../helpers/db.ts';
import { login, postForm } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { SIGN_OFF_POLICY, submitToFinal, workflowActor } from '../helpers/sign-off.ts';

let server: TestServer;
const db = testDatabase(() => server);
const cookies = new Map<string, string>();
const ACCOUNTS = ['admin', 'reviewer', 'expert', 'qiye', 'jumin', 'leader', 'dsj', 'fgw', 'gaj'];

const act = workflowActor(
	() => server.url,
	(who) => cookies.get(who) ?? '',
	'requirements'
);

const file = (who: string, fields: Record<string, string>, activity = 'overall', plan = 1) =>
	postForm(
		server.url,
		`/plans/${plan}/workflow/${activity}?/fileFeedback`,
		fields,
		cookies.get(who)
	);
const answer = (who: string, fields: Record<string, string>, activity = 'requirements', plan = 1) =>
	postForm(
		server.url,
		`/plans/${plan}/workflow/${activity}?/answerFeedback`,
		fields,
		cookies.get(who)
	);

async function page(who: string, path: string): Promise<string> {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookies.get(who)! } });
	expect(response.status).toBe(200);
	return response.text();
}

const todoKinds = async (who: string) =>
	[...(await page(who, '/todo')).matchAll(/data-todo="([a-z]+)"/g)].map((m) => m[1]);

const count = () => db.query<{ n: number }>('SELECT count(*) AS n FROM prior_feedback').n;

/** 需求分析's 定稿 (its id) and words and a row of 6.3 in it, read from the version's payload. */
const final = { id: 0, quote: '', row: '' };

beforeAll(async () => {
	// A second copy of the demo plan, for ids and actions aimed across plans.
	server = await startServer({ env: { SEED_DEMO_PLANS: '2' } });
	for (const name of ACCOUNTS) cookies.set(name, await login(server.url, name));
});
afterAll(async () => {
	await server?.stop();
});

describe('5.1.3 feedback on the previous activity’s 定稿', () => {
	it('is refused before 需求分析 has a 定稿, and on the first activity', async () => {
		const early = await file('reviewer', { clause: '6.3', text: '过早的反馈' });
		expect(early.status).toBe(409);
		const first = await file('reviewer', { clause: '6.3', text: '无上一活动' }, 'requirements');
		expect(first.status).toBe(400);
		expect(count()).toBe(0);
	});

	it('walks 需求分析 to its 定稿 and reads an anchor from it', async () => {
		await act('admin', 'policy', [...SIGN_OFF_POLICY, ['consultationWaiver', '测试：不征求意见']]);
		await submitToFinal(act);
		final.id = db.query<{ id: number }>(
			"SELECT approved_version_id AS id FROM plan_activities WHERE plan_id = 1 AND activity = 'requirements'"
		).id;
		expect(final.id).toBeGreaterThan(0);
		const response = await fetch(`${server.url}/plans/1/versions/${final.id}/payload`, {
			headers: { cookie: cookies.get('dsj')! }
		});
		const payload = (await response.json()) as VersionPayload;
		const s63 = payload.sections.find((s) => s.clause === '6.3')!;
		final.quote = s63.rendering.body
			.split('\n')
			.find((l) => l.trim().length > 12)!
			.slice(0, 12);
		const [key, rows] = Object.entries(s63.rendering.data).find(([, r]) => (r ?? []).length > 0)!;
		final.row = `${key}:${(rows![0] as { id: string }).id}`;
	});

	it('refuses hostile filings with clear 4xx and stores nothing', async () => {
		const base = { clause: '6.3', text: '指标体系缺少数据来源' };
		// A resident representative is not of 总体设计's people; 公安局's editor writes no part of it.
		expect((await file('jumin', base)).status).toBe(403);
		expect((await file('gaj', base)).status).toBe(403);
		expect((await file('reviewer', { ...base, text: '长'.repeat(4001) })).status).toBe(400);
		expect((await file('reviewer', { ...base, text: '   ' })).status).toBe(400);
		// A section of 总体设计 itself, a clause that does not exist, words not in the version.
		expect((await file('reviewer', { ...base, clause: '7.2' })).status).toBe(400);
		expect((await file('reviewer', { ...base, clause: '<script>' })).status).toBe(400);
		expect((await file('reviewer', { ...base, quote: '定稿里没有这句话' })).status).toBe(400);
		expect((await file('reviewer', { ...base, quote: '长'.repeat(501) })).status).toBe(400);
		expect((await file('reviewer', { ...base, row: 'indicators:no-such-row' })).status).toBe(400);
		// Another plan: its 需求分析 has no 定稿.
		expect((await file('reviewer', base, 'overall', 2)).status).toBe(409);
		expect(count()).toBe(0);
	});

	it('files anchored feedback; the owning department sees it in 待办 and the inbox', async () => {
		expect(await todoKinds('dsj')).not.toContain('feedback');
		const filed = await file('reviewer', {
			clause: '6.3',
			row: final.row,
			quote: final.quote,
			text: '指标体系缺少数据来源，请补充。'
		});
		expect(filed.status).toBe(200);
		const row = db.query<Record<string, unknown>>(
			'SELECT * FROM prior_feedback ORDER BY id DESC LIMIT 1'
		);
		expect(row).toMatchObject({
			activity: 'requirements',
			from_activity: 'overall',
			version_id: final.id,
			clause: '6.3',
			quote: final.quote,
			disposition: null
		});
		expect(`${row.block_key}:${row.row_id}`).toBe(final.row);
		expect(row.row_label).toBeTruthy();

		// 6.3 is 大数据局's: its editor and the plan admin answer; 发改委's editor does not.
		expect(await todoKinds('dsj')).toContain('feedback');
		expect(await todoKinds('admin')).toContain('feedback');
		expect(await todoKinds('fgw')).not.toContain('feedback');
		expect(await page('dsj', '/inbox')).toContain('data-notification="feedback_filed"');
		const audit = db.query<{ details: string }>(
			"SELECT details FROM audit_log WHERE action = 'workflow.feedback' ORDER BY id DESC LIMIT 1"
		);
		expect(JSON.parse(audit.details)).toMatchObject({ clause: '6.3', from: 'overall' });

		// Both workflow pages and the version page list it.
		expect(await page('reviewer', '/plans/1/workflow/overall')).toContain('指标体系缺少数据来源');
		const received = await page('dsj', '/plans/1/workflow/requirements');
		expect(received).toContain('指标体系缺少数据来源');
		expect(received).toContain('data-testid="feedback-answer-form"');
		expect(await page('qiye', `/plans/1/versions/${final.id}`)).toContain('指标体系缺少数据来源');
	});

	it('refuses hostile answers, then records 不采纳 with its reason and tells the filer', async () => {
		const id = db.query<{ id: number }>('SELECT max(id) AS id FROM prior_feedback').id;
		// Not 6.3's department; another plan's id; the page of another activity.
		expect(
			(await answer('fgw', { id: String(id), disposition: 'rejected', answer: '否' })).status
		).toBe(403);
		expect(
			(
				await answer(
					'dsj',
					{ id: String(id), disposition: 'rejected', answer: '否' },
					'requirements',
					2
				)
			).status
		).toBe(404);
		expect(
			(await answer('dsj', { id: String(id), disposition: 'rejected', answer: '否' }, 'overall'))
				.status
		).toBe(404);
		expect(
			(await answer('dsj', { id: '99999', disposition: 'rejected', answer: '否' })).status
		).toBe(404);
		// 不采纳 needs a reason; 采纳 needs how; nonsense dispositions; over-long answers.
		expect((await answer('dsj', { id: String(id), disposition: 'rejected' })).status).toBe(400);
		expect((await answer('dsj', { id: String(id), disposition: 'adopted' })).status).toBe(400);
		expect((await answer('dsj', { id: String(id), disposition: 'maybe' })).status).toBe(400);
		expect(
			(await answer('dsj', { id: String(id), disposition: 'rejected', answer: '长'.repeat(2001) }))
				.status
		).toBe(400);
		// An editor may not reopen the activity (plan admins do).
		expect(
			(await answer('dsj', { id: String(id), disposition: 'adopted', resolution: 'reopened' }))
				.status
		).toBe(403);
		expect(
			db.query<{ d: string | null }>('SELECT disposition AS d FROM prior_feedback WHERE id = ?', id)
				.d
		).toBeNull();

		const reason = '数据来源已在6.3附表中列明，无需补充。';
		const ok = await answer('dsj', { id: String(id), disposition: 'rejected', answer: reason });
		expect(ok.status).toBe(200);
		expect(
			db.query<{ d: string; a: string }>(
				'SELECT disposition AS d, answer AS a FROM prior_feedback WHERE id = ?',
				id
			)
		).toEqual({ d: 'rejected', a: reason });
		expect(
			(await answer('admin', { id: String(id), disposition: 'rejected', answer: '再答' })).status
		).toBe(409);

		expect(await todoKinds('dsj')).not.toContain('feedback');
		expect(await page('reviewer', '/inbox')).toContain('data-notification="feedback_answered"');
		const filerView = await page('reviewer', '/plans/1/workflow/overall');
		expect(filerView).toContain(reason);
		expect(filerView).toContain('data-feedback-status="rejected"');
	});

	it('prints feedback and answers in the sign-off appendix of the draft, the 定稿汇编 and the 定稿', async () => {
		for (const version of ['draft', 'approved', `v${final.id}`]) {
			const response = await fetch(`${server.url}/plans/1/export/md?version=${version}`, {
				headers: { cookie: cookies.get('admin')! }
			});
			expect(response.status).toBe(200);
			const md = await response.text();
			expect(md).toContain('需求分析定稿的检验与反馈（5.1.3）');
			expect(md).toContain('指标体系缺少数据来源');
			expect(md).toContain('数据来源已在6.3附表中列明');
			expect(md).toContain('不采纳');
		}
	});

	it('采纳 by the plan admin reopens 需求分析, shown on the section being revised; no more feedback then', async () => {
		const filed = await file('fgw', { clause: '6.1', text: '城市发展战略应与省级规划衔接。' });
		expect(filed.status).toBe(200);
		const id = db.query<{ id: number }>('SELECT max(id) AS id FROM prior_feedback').id;
		const ok = await answer('admin', {
			id: String(id),
			disposition: 'adopted',
			resolution: 'reopened',
			answer: '已重新打开修改'
		});
		expect(ok.status).toBe(200);
		expect(
			db.query<{ state: string }>(
				"SELECT state FROM plan_activities WHERE plan_id = 1 AND activity = 'requirements'"
			).state
		).toBe('drafting');
		expect(
			db.query<{ r: string }>('SELECT resolution AS r FROM prior_feedback WHERE id = ?', id).r
		).toBe('reopened');
		// The reopening is the workflow's own (audited), and the timeline names the answer.
		expect(
			db.query<{ n: number }>(
				"SELECT count(*) AS n FROM audit_log WHERE action IN ('workflow.reopened', 'workflow.feedback_answered')"
			).n
		).toBe(3);
		// 6.1's editors find it on the section they now revise; 6.3's rejected feedback is not there.
		const section = await page('fgw', '/plans/1/sections/6.1');
		expect(section).toContain('data-testid="section-feedback"');
		expect(section).toContain('城市发展战略应与省级规划衔接。');
		expect(await page('dsj', '/plans/1/sections/6.3')).not.toContain(
			'data-testid="section-feedback"'
		);
		expect((await file('reviewer', { clause: '6.3', text: '再提一条' })).status).toBe(409);
	});
});

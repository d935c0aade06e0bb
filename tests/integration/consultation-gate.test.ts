/**
 * Consultation before review (issue 14): 送审 is refused without a consultation round unless the
 * plan admin waived it with a reason (printed in the sign-off record), and refused while an
 * opinion of the activity's rounds lacks a disposition.
 */
import { describe, expect, it } from 'vitest';
import { firstPassageComment } from '../helpers/consultation.ts';
import { testDatabase } from '../helpers/db.ts';
import { postFormPage } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';
import { SIGN_OFF_POLICY, WAIVER } from '../helpers/sign-off.ts';

const ACCOUNTS = ['admin', 'jumin', 'reviewer'] as const;
type Account = (typeof ACCOUNTS)[number];
const { server, cookies } = serverPerFile(ACCOUNTS);

const { query } = testDatabase(() => server);

const post = (who: Account, path: string, fields: [string, string][] = []) =>
	postFormPage(server.url, path, fields, cookies.get(who));

const workflow = (activity: string, action: string, fields: [string, string][] = []) =>
	post('admin', `/plans/1/workflow/${activity}?/${action}`, fields);

const stateOf = (activity: string) =>
	query<{ state: string }>(
		'SELECT state FROM plan_activities WHERE plan_id = 1 AND activity = ?',
		activity
	).state;

describe('consultation before review', () => {
	it('refuses 送审 without a round, and with one unanswered opinion; allows it once answered', async () => {
		const A = 'requirements';
		expect((await workflow(A, 'policy', SIGN_OFF_POLICY)).status).toBe(200);
		const refused = await workflow(A, 'submit', WAIVER);
		expect(refused.status).toBe(409);
		expect(refused.html).toContain('尚未征求意见');
		expect(stateOf(A)).toBe('drafting');

		expect((await workflow(A, 'publish')).status).toBe(200);
		const round = query<{ id: number; version_id: number }>(
			'SELECT id, version_id FROM consultation_rounds WHERE activity = ?',
			A
		);
		const commented = await post(
			'jumin',
			`/plans/1/rounds/${round.id}?/comment`,
			firstPassageComment({ query }, round.version_id, '建议补充老年人口结构分析')
		);
		expect(commented.status).toBe(200);
		expect(
			(await workflow(A, 'closeConsultation', [['closeReason', '意见已收齐，提前结束']])).status
		).toBe(200);

		const unanswered = await workflow(A, 'submit', WAIVER);
		expect(unanswered.status).toBe(409);
		expect(unanswered.html).toContain('1 条征求意见未答复');
		// The page says so before anyone tries.
		const page = await fetch(`${server.url}/plans/1/workflow/${A}`, {
			headers: { cookie: cookies.get('admin')! }
		});
		expect(await page.text()).toContain('data-testid="consultation-gate"');
		expect(stateOf(A)).toBe('drafting');

		const thread = query<{ id: number }>(
			'SELECT id FROM comment_threads WHERE round_id = ?',
			round.id
		);
		const answered = await post('admin', `/plans/1/rounds/${round.id}?/answer`, [
			['kind', 'thread'],
			['id', String(thread.id)],
			['disposition', 'adopted'],
			['reason', '已在6.1补充']
		]);
		expect(answered.status).toBe(200);
		expect((await workflow(A, 'submit', WAIVER)).status).toBe(200);
		expect(stateOf(A)).toBe('review');
	});

	it('only the plan admin waives the round, and the reason is in the sign-off record', async () => {
		const B = 'overall';
		const waived: [string, string][] = [
			...SIGN_OFF_POLICY,
			['consultationWaiver', '上级部署的专项内容，已在规划纲要阶段公开征求意见']
		];
		// A reviewer cannot set the policy (nor its waiver).
		expect((await post('reviewer', `/plans/1/workflow/${B}?/policy`, waived)).status).toBe(403);
		expect((await workflow(B, 'submit', WAIVER)).status).toBe(409);
		expect((await workflow(B, 'policy', waived)).status).toBe(200);
		expect((await workflow(B, 'submit', WAIVER)).status).toBe(200);
		expect(stateOf(B)).toBe('review');
		expect(
			query<{ reason: string }>(
				"SELECT consultation_waiver AS reason FROM activity_versions WHERE activity = ? AND milestone = 'review'",
				B
			).reason
		).toBe('上级部署的专项内容，已在规划纲要阶段公开征求意见');

		const exported = await fetch(`${server.url}/plans/1/export/md?edition=full&version=draft`, {
			headers: { cookie: cookies.get('admin')! }
		});
		expect(exported.status).toBe(200);
		const record = (await exported.text()).split('签署记录').slice(1).join('签署记录');
		expect(record).toContain('免于征求意见（上级部署的专项内容，已在规划纲要阶段公开征求意见）');
	});
});

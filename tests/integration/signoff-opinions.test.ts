/**
 * Every signature carries its opinion (issue 14): 会签 同意 / 原则同意（附意见）/ 不同意（须附理由,
 * returns the activity）and the 签发意见 — refused without the words they need, stored with the
 * signature, and shown on the sign-off panel, the timeline, the version page and the export's
 * sign-off record.
 */
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../helpers/db.ts';
import { DEMO_PASSWORD, pageOf } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';
import {
	activityState,
	SIGN_OFF_POLICY,
	WAIVER,
	workflowActor,
	workflowStatus
} from '../helpers/sign-off.ts';

/** These tests are about signatures, not consultation: the admin waives the round. */
const NO_ROUND: [string, string] = ['consultationWaiver', '测试：本轮不征求意见'];

const ACCOUNTS = ['admin', 'reviewer', 'expert', 'qiye', 'jumin', 'leader'] as const;
const { server, cookies } = serverPerFile(ACCOUNTS);

const cookieOf = (who: string) => cookies.get(who) ?? '';
const act = workflowActor(() => server.url, cookieOf, 'requirements');

/** Posts an action and returns its status (for refusals). */
const post = (who: string, action: string, fields: [string, string][]) =>
	workflowStatus(server.url, cookieOf(who), 'requirements', action, fields);

const { all: rows } = testDatabase(() => server);
const stateOf = () => activityState(server, 'requirements');
const page = (who: string, path: string) => pageOf(server.url, path, cookieOf(who));

describe('opinions with signatures', () => {
	it('会签 原则同意 needs comments, 不同意 needs reasons and returns the activity', async () => {
		await act('admin', 'policy', [...SIGN_OFF_POLICY, NO_ROUND]);
		await act('admin', 'submit', WAIVER);

		expect(await post('reviewer', 'countersign', [['decision', 'agree-with-comments']])).toBe(400);
		expect(await post('reviewer', 'countersign', [['decision', 'maybe']])).toBe(400);
		await act('reviewer', 'countersign', [
			['decision', 'agree-with-comments'],
			['opinion', '建议补充数据共享目录的更新频率']
		]);
		expect(await post('expert', 'countersign', [['decision', 'disagree']])).toBe(400);
		expect(stateOf()).toBe('review');
		await act('expert', 'countersign', [
			['decision', 'disagree'],
			['opinion', '需求调研样本不足，请补充区县调研']
		]);
		expect(stateOf()).toBe('returned');

		const signed = rows<{ kind: string; decision: string; opinion: string }>(
			"SELECT kind, decision, opinion FROM activity_signatures WHERE activity = 'requirements' ORDER BY id"
		);
		expect(signed).toEqual([
			{
				kind: 'countersign',
				decision: 'agree-with-comments',
				opinion: '建议补充数据共享目录的更新频率'
			},
			{ kind: 'return', decision: 'disagree', opinion: '需求调研样本不足，请补充区县调研' }
		]);
		// The 不同意's reason is the return's opinion, shown where the section is fixed.
		expect(rows<{ text: string }>('SELECT text FROM return_opinions')).toEqual([
			{ text: '需求调研样本不足，请补充区县调研' }
		]);
		const timeline = await page('admin', '/plans/1/workflow/requirements');
		expect(timeline).toContain('data-decision="disagree"');
		expect(timeline).toContain('需求调研样本不足，请补充区县调研');
	});

	it('签发 carries its 签发意见 to the version page and the sign-off record', async () => {
		await act('admin', 'resume');
		await act('admin', 'submit', WAIVER);
		// 发改委's 原则同意 was given to this same content (unchanged hash): it still counts.
		await act('expert', 'countersign', [
			['decision', 'agree'],
			['opinion', '同意']
		]);
		await act('qiye', 'confirm');
		await act('jumin', 'confirm');
		await act('leader', 'approve', [
			['password', DEMO_PASSWORD],
			['opinion', '同意印发']
		]);
		expect(stateOf()).toBe('approved');
		const [approval] = rows<{ opinion: string; versionId: number }>(
			"SELECT opinion, version_id AS versionId FROM activity_signatures WHERE kind = 'approve'"
		);
		expect(approval.opinion).toBe('同意印发');

		const version = await page('admin', `/plans/1/versions/${approval.versionId}`);
		expect(version).toContain('data-signature="approve"');
		expect(version).toContain('同意印发');

		const exported = await fetch(`${server.url}/plans/1/export/md?edition=full&version=draft`, {
			headers: { cookie: cookieOf('admin') }
		});
		expect(exported.status).toBe(200);
		const markdown = await exported.text();
		const record = markdown.slice(markdown.lastIndexOf('签署记录'));
		expect(record).toContain('批准（同意印发）');
		expect(record).toContain('原则同意（建议补充数据共享目录的更新频率）');
		expect(record).toContain('不同意（需求调研样本不足，请补充区县调研）');
	});
});

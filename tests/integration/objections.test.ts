/**
 * 参与确认 with 有异议 (issue 14): a representative objects with reasons (and a section), which
 * counts as their participation but holds the activity in review; the objection reaches the
 * owning department's 待办 and inbox; 报批 is refused, naming the unanswered objections, until each
 * is answered — once, by those who answer for its section; then the plan admin forwards it. The
 * objection and its answer are in the timeline, on the version page and in the sign-off record.
 */
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../helpers/db.ts';
import { pageOf, postEnhanced, postFormPage } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';
import { activityState, SIGN_OFF_POLICY, WAIVER, workflowActor } from '../helpers/sign-off.ts';

const NO_ROUND: [string, string] = ['consultationWaiver', '测试：本轮不征求意见'];
const OBJECTION = '需求调研未覆盖老年人群体，请补充适老化需求';
const ANSWER = '已在6.1补充适老化需求调研安排，将于下一版体现';

const ACCOUNTS = ['admin', 'reviewer', 'expert', 'qiye', 'jumin', 'leader', 'fgw', 'dsj'] as const;
const { server, cookies } = serverPerFile(ACCOUNTS);

const cookieOf = (who: string) => cookies.get(who) ?? '';
const act = workflowActor(() => server.url, cookieOf, 'requirements');

/** Posts an action as the enhanced form does: the status and the action's JSON result. */
const post = (who: string, action: string, fields: [string, string][] = []) =>
	postEnhanced(server.url, `/plans/1/workflow/requirements?/${action}`, fields, cookieOf(who));

const { all: rows } = testDatabase(() => server);
const stateOf = () => activityState(server, 'requirements');
const page = (who: string, path: string) => pageOf(server.url, path, cookieOf(who));

const todoKinds = async (who: string) =>
	[...(await page(who, '/todo')).matchAll(/data-todo="([a-z]+)"/g)].map((m) => m[1]);

/** The action's result as SvelteKit's enhanced form sees it (type and the error code). */
function outcome(body: string): { type: string; error?: string } {
	const parsed = JSON.parse(body) as { type: string; data?: string };
	const data = parsed.data ? (JSON.parse(parsed.data) as unknown[]) : [];
	const root = data[0] as Record<string, number> | undefined;
	return {
		type: parsed.type,
		error: root && 'error' in root ? String(data[root.error]) : undefined
	};
}

describe('参与确认 with 有异议', () => {
	it('an objection needs its reasons and a section of this activity', async () => {
		await act('admin', 'policy', [...SIGN_OFF_POLICY, NO_ROUND]);
		await act('admin', 'submit', WAIVER);
		expect((await post('qiye', 'confirm', [['decision', 'object']])).status).toBe(400);
		expect(
			(
				await post('qiye', 'confirm', [
					['decision', 'object'],
					['opinion', OBJECTION],
					['clause', '8.1']
				])
			).status
		).toBe(400);
		// A department does not object: 有异议 is not a 会签意见.
		expect(
			(
				await post('reviewer', 'countersign', [
					['decision', 'object'],
					['opinion', OBJECTION]
				])
			).status
		).toBe(400);
	});

	it('holds the activity in review and tells the owning department', async () => {
		await act('qiye', 'confirm', [
			['decision', 'object'],
			['opinion', OBJECTION],
			['clause', '6.1']
		]);
		await act('reviewer', 'countersign', [['decision', 'agree']]);
		await act('expert', 'countersign', [['decision', 'agree']]);
		await act('jumin', 'confirm', [['decision', 'agree']]);
		// The policy is met, but the objection is unanswered: no 报批稿 yet.
		expect(stateOf()).toBe('review');
		// 6.1 is 发改委's: its editor (and the plan admin) have it in 待办; 大数据局's editor not.
		expect(await todoKinds('fgw')).toContain('objection');
		expect(await todoKinds('admin')).toContain('objection');
		expect(await todoKinds('dsj')).not.toContain('objection');
		expect(await page('fgw', '/inbox')).toContain('data-notification="objection"');
		expect(await todoKinds('leader')).not.toContain('approve');
	});

	it('refuses 报批 while the objection is unanswered, naming it', async () => {
		const refused = await post('admin', 'forward');
		expect(outcome(refused.body)).toEqual({ type: 'failure', error: 'objections-open' });
		expect(refused.body).toContain('示例市城市运营科技有限公司');
		// Through a plain form post the status says so too.
		const plain = await postFormPage(
			server.url,
			'/plans/1/workflow/requirements?/forward',
			[],
			cookieOf('admin')
		);
		expect(plain.status).toBe(409);
		expect(plain.html).toContain('还有 1 条参与方异议未答复');
		expect(stateOf()).toBe('review');
	});

	it('is answered once, by those who answer for its section', async () => {
		const [objection] = rows<{ id: number }>('SELECT id FROM participation_objections');
		const answer = (who: string, text = ANSWER) =>
			post(who, 'answerObjection', [
				['objection', String(objection.id)],
				['answer', text]
			]);
		expect((await answer('dsj')).status).toBe(403);
		expect((await answer('fgw', '  ')).status).toBe(400);
		expect(outcome((await answer('fgw')).body).type).toBe('success');
		expect((await answer('admin', '再答复一次')).status).toBe(409);
		expect(rows<{ answer: string }>('SELECT answer FROM participation_objections')[0].answer).toBe(
			ANSWER
		);
		// The objector is told; the admin now has 报批 in 待办.
		expect(await page('qiye', '/inbox')).toContain('data-notification="answer"');
		expect(await todoKinds('admin')).toContain('forward');
		expect(await todoKinds('fgw')).not.toContain('objection');
	});

	it('forwards once answered; the record shows objection and answer', async () => {
		expect((await post('reviewer', 'forward')).status).toBe(403);
		await act('admin', 'forward');
		expect(stateOf()).toBe('approval');
		expect(await todoKinds('leader')).toContain('approve');

		const workflow = await page('admin', '/plans/1/workflow/requirements');
		expect(workflow).toContain('data-decision="object"');
		expect(workflow).toContain(OBJECTION);
		expect(workflow).toContain('data-action="workflow.objection_answered"');
		expect(workflow).toContain(ANSWER);
		expect(workflow).not.toContain('data-testid="timeline-disagreement"');

		const [review] = rows<{ id: number }>(
			"SELECT id FROM activity_versions WHERE activity = 'requirements' AND milestone = 'review'"
		);
		const version = await page('admin', `/plans/1/versions/${review.id}`);
		expect(version).toContain('data-decision="object"');
		expect(version).toContain(ANSWER);

		const exported = await fetch(`${server.url}/plans/1/export/md?edition=full&version=draft`, {
			headers: { cookie: cookieOf('admin') }
		});
		const record = (await exported.text()).split('签署记录').at(-1) ?? '';
		expect(record).toContain(`有异议（6.1 ${OBJECTION}；答复（示例市发展和改革委员会`);
		expect(record).toContain(ANSWER);
	});
});

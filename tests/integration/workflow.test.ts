/**
 * The activity workflow against the real server: locking live editors, every transition refused
 * to every role that may not take it, versions whose hash anyone can recompute, the order of
 * approvals, and the audit log's chain breaking when a row is altered in the database.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dropTrigger, openTestDb, testDatabase } from '../helpers/db.ts';
import { connect, eventually } from '../helpers/collab.ts';
import { DEMO_PASSWORD } from '../helpers/http.ts';
import { workflowStatus } from '../helpers/sign-off.ts';
import { databaseEnv, NODE, ROOT } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';

const ACCOUNTS = ['admin', 'dsj', 'fgw', 'reviewer', 'expert', 'leader', 'qiye', 'jumin'] as const;
type Account = (typeof ACCOUNTS)[number];
const { server, cookies } = serverPerFile(ACCOUNTS);
/** Demo organizations in seed order: 1 大数据局, 2 发改委, …, 8 专家咨询委员会. */
const FGW = 2;
const EXPERTS = 8;

const act = (who: Account, activity: string, action: string, fields: [string, string][] = []) =>
	workflowStatus(server.url, cookies.get(who), activity, action, fields);

const { query } = testDatabase(() => server);

const stateOf = (activity: string) =>
	query<{ state: string }>(
		'SELECT state FROM plan_activities WHERE plan_id = 1 AND activity = ?',
		activity
	).state;

const policy = (departments: number[], enterprise = 1, resident = 1): [string, string][] => [
	...departments.map((d): [string, string] => ['departments', String(d)]),
	['enterpriseCount', String(enterprise)],
	['residentCount', String(resident)],
	['approverId', ''],
	// Consultation before review is tested in consultation-gate.test.ts.
	['consultationWaiver', '测试：不征求意见']
];

const WAIVER: [string, string][] = [['waiverReason', '演示数据，内容待补充']];

/** Every demo account that lacks the roles an action needs must be refused with 403. */
async function refusedToOthers(activity: string, action: string, allowed: Account[]) {
	const before = stateOf(activity);
	for (const who of ACCOUNTS) {
		if (allowed.includes(who)) continue;
		const fields: [string, string][] =
			action === 'approve'
				? [['password', DEMO_PASSWORD]]
				: action === 'reopen'
					? [['reason', '越权']]
					: action === 'return'
						? [['opinion', '越权']]
						: action === 'submit'
							? WAIVER
							: action === 'closeConsultation'
								? [['closeReason', '越权']]
								: [];
		expect({ who, action, status: await act(who, activity, action, fields) }).toEqual({
			who,
			action,
			status: 403
		});
	}
	expect(stateOf(activity)).toBe(before);
}

describe('locking', () => {
	it('refuses an open editor’s updates the moment the activity enters review', async () => {
		expect(await act('admin', 'overall', 'policy', policy([FGW, EXPERTS], 0, 0))).toBe(200);
		const editor = connect(server.url, cookies.get('dsj')!, 'plan/1/section/7.2');
		const watcher = connect(server.url, cookies.get('admin')!, 'plan/1/section/7.2');
		try {
			await eventually(() => expect(editor.provider.authorizedScope).toBe('read-write'));
			await eventually(() => expect(watcher.provider.isSynced).toBe(true));
			editor.doc.getText('t').insert(0, '指导思想');
			await eventually(() => expect(watcher.doc.getText('t').toString()).toBe('指导思想'));

			expect(await act('admin', 'overall', 'submit', WAIVER)).toBe(200);
			expect(stateOf('overall')).toBe('review');

			await eventually(() => expect(editor.provider.authorizedScope).toBe('readonly'));
			editor.doc.getText('t').insert(4, '（锁定后输入）');
			await new Promise((r) => setTimeout(r, 300));
			expect(watcher.doc.getText('t').toString()).toBe('指导思想');
			const stored = query<{ n: number }>(
				"SELECT count(*) AS n FROM document_updates WHERE name = 'plan/1/section/7.2'"
			).n;
			editor.doc.getText('t').insert(0, '再试');
			await new Promise((r) => setTimeout(r, 300));
			expect(
				query<{ n: number }>(
					"SELECT count(*) AS n FROM document_updates WHERE name = 'plan/1/section/7.2'"
				).n
			).toBe(stored);
		} finally {
			editor.destroy();
			watcher.destroy();
		}
	});
});

describe('every transition is refused to roles that may not take it', () => {
	it('walks requirements through the whole workflow, trying each move with each account', async () => {
		const A = 'requirements';
		expect(await act('admin', A, 'policy', policy([FGW, EXPERTS]))).toBe(200);
		expect(await act('fgw', A, 'policy', policy([FGW]))).toBe(403);

		await refusedToOthers(A, 'publish', ['admin']);
		await refusedToOthers(A, 'submit', ['admin']);
		expect(await act('admin', A, 'submit')).toBe(409); // checklist open, no waiver
		expect(await act('admin', A, 'publish')).toBe(200);
		expect(stateOf(A)).toBe('consultation');

		await refusedToOthers(A, 'closeConsultation', ['admin']);
		// Before the planned end a reason is required.
		expect(await act('admin', A, 'closeConsultation')).toBe(400);
		expect(stateOf(A)).toBe('consultation');
		expect(await act('admin', A, 'closeConsultation', [['closeReason', '意见已收齐']])).toBe(200);
		expect(stateOf(A)).toBe('drafting');

		expect(await act('admin', A, 'submit', WAIVER)).toBe(200);
		expect(stateOf(A)).toBe('review');
		expect(await act('admin', A, 'policy', policy([FGW]))).toBe(409); // policy fixed in review

		await refusedToOthers(A, 'countersign', ['reviewer', 'expert']);
		await refusedToOthers(A, 'confirm', ['qiye', 'jumin']);
		await refusedToOthers(A, 'return', ['reviewer', 'expert']);
		expect(await act('reviewer', A, 'countersign')).toBe(200);
		expect(await act('reviewer', A, 'countersign')).toBe(409); // already signed
		expect(await act('expert', A, 'return')).toBe(400); // an opinion is required
		expect(
			await act('expert', A, 'return', [
				['clause', '6.3'],
				['opinion', '指标缺少数据来源']
			])
		).toBe(200);
		expect(stateOf(A)).toBe('returned');
		expect(
			query<{ clause: string; text: string }>('SELECT clause, text FROM return_opinions')
		).toEqual({ clause: '6.3', text: '指标缺少数据来源' });

		await refusedToOthers(A, 'resume', ['admin']);
		await refusedToOthers(A, 'submit', ['admin']);
		expect(await act('admin', A, 'resume')).toBe(200);
		expect(await act('admin', A, 'submit', WAIVER)).toBe(200);
		// The content did not change, so the hash is the same; the earlier countersign of that
		// exact content still counts, the return does not.
		expect(await act('expert', A, 'countersign')).toBe(200);
		expect(await act('qiye', A, 'confirm')).toBe(200);
		expect(stateOf(A)).toBe('review');
		expect(await act('jumin', A, 'confirm')).toBe(200);
		expect(stateOf(A)).toBe('approval');

		await refusedToOthers(A, 'approve', ['leader']);
		await refusedToOthers(A, 'return', ['leader']);
		expect(await act('leader', A, 'approve', [['password', 'wrong-password']])).toBe(403);
		expect(stateOf(A)).toBe('approval');
		expect(await act('leader', A, 'approve', [['password', DEMO_PASSWORD]])).toBe(200);
		expect(stateOf(A)).toBe('approved');

		await refusedToOthers(A, 'reopen', ['admin']);
	});

	it('anyone can recompute the approved version’s hash from its content', async () => {
		const { id, hash } = query<{ id: number; hash: string }>(
			"SELECT id, hash FROM activity_versions WHERE activity = 'requirements' AND milestone = 'final'"
		);
		const response = await fetch(`${server.url}/plans/1/versions/${id}/payload`, {
			headers: { cookie: cookies.get('jumin')! }
		});
		expect(response.status).toBe(200);
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(hash);
		const payload = JSON.parse(bytes.toString('utf8')) as { sections: { clause: string }[] };
		expect(payload.sections.map((s) => s.clause)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5']);
		const page = await (
			await fetch(`${server.url}/plans/1/versions/${id}`, {
				headers: { cookie: cookies.get('leader')! }
			})
		).text();
		expect(page).toContain(hash);
	});

	it('5.1.3: reviewing N files feedback on N−1 and the admin reopens N−1; N cannot be approved before it', async () => {
		// overall went to review in the locking test, with 发改委 and the expert panel to countersign.
		expect(stateOf('overall')).toBe('review');
		// (Filing and answering in detail: feedback.test.ts.)
		const feedback = (text: string): [string, string][] => [
			['clause', '6.5'],
			['text', text]
		];
		expect(await act('qiye', 'overall', 'fileFeedback', feedback('越权'))).toBe(403);
		expect(
			await act('expert', 'overall', 'fileFeedback', feedback('需求分析缺少居民出行需求'))
		).toBe(200);
		expect(
			query<{ activity: string; clause: string; text: string }>(
				'SELECT activity, clause, text FROM prior_feedback'
			)
		).toEqual({ activity: 'requirements', clause: '6.5', text: '需求分析缺少居民出行需求' });

		expect(await act('reviewer', 'overall', 'reopenPrevious', [['reason', '越权']])).toBe(403);
		expect(await act('admin', 'overall', 'reopenPrevious', [['reason', '需求分析需补充']])).toBe(
			200
		);
		expect(stateOf('requirements')).toBe('drafting');
		const final = query<{ id: number; superseded: number | null }>(
			"SELECT id, superseded_at AS superseded FROM activity_versions WHERE activity = 'requirements' AND milestone = 'final'"
		);
		expect(final.superseded).not.toBeNull();
		// The superseded 定稿 stays viewable while requirements is redrafted.
		const page = await fetch(`${server.url}/plans/1/versions/${final.id}`, {
			headers: { cookie: cookies.get('leader')! }
		});
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('被取代');

		expect(await act('reviewer', 'overall', 'countersign')).toBe(200);
		expect(await act('expert', 'overall', 'countersign')).toBe(200);
		expect(stateOf('overall')).toBe('approval');
		expect(await act('leader', 'overall', 'approve', [['password', DEMO_PASSWORD]])).toBe(409);
		expect(stateOf('overall')).toBe('approval');
	});
});

describe('audit log', () => {
	function verify() {
		return spawnSync(NODE, ['scripts/audit-verify.ts'], {
			cwd: ROOT,
			env: { ...process.env, ...databaseEnv(server) },
			encoding: 'utf8'
		});
	}

	it('records every workflow action with the version hash', () => {
		const submitted = query<{ n: number }>(
			"SELECT count(*) AS n FROM audit_log WHERE action = 'workflow.submitted' AND target = 'activity:requirements'"
		).n;
		expect(submitted).toBe(2); // requirements was submitted twice
		const approved = query<{ details: string }>(
			"SELECT details FROM audit_log WHERE action = 'workflow.approved'"
		);
		expect(JSON.parse(approved.details).hash).toMatch(/^[0-9a-f]{64}$/);
		// The leader's wrong password is on record too.
		expect(
			query<{ n: number }>(
				"SELECT count(*) AS n FROM audit_log WHERE action = 'workflow.signoff_failed'"
			).n
		).toBe(1);
	});

	it('verification fails when a row is altered in the database', async () => {
		const ok = verify();
		expect(ok.status, ok.stderr).toBe(0);
		expect(ok.stdout).toContain('audit log OK');

		const db = openTestDb(server);
		try {
			dropTrigger(db, 'audit_log_no_update', 'audit_log');
			db.prepare(
				`UPDATE audit_log SET details = '{"from":"review","opinions":[]}' WHERE action = 'workflow.returned'`
			).run();
		} finally {
			db.close();
		}
		const broken = verify();
		expect(broken.status).toBe(1);
		expect(broken.stderr).toContain('BROKEN');

		const page = await fetch(`${server.url}/admin/audit?/verify`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: server.url,
				accept: 'text/html',
				cookie: cookies.get('admin')!
			},
			body: ''
		});
		expect(await page.text()).toContain('校验未通过');
	});
});

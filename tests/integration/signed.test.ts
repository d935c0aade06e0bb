/**
 * Signed means signed (issue 13), against the real server: the requirements activity goes through
 * the whole workflow with a resident's comment answered during the round, then —
 *
 * - the 定稿's payload carries the consultation record and the audit chain's head, and its export
 *   prints the appendix from that record: an answer changed after a reopening does not appear
 *   under the signed hash;
 * - after 签发 the record is locked (409) until the activity is reopened;
 * - two bytes of the stored payload changed in the database ("302万人" → "320万人"): the version page
 *   and the round page show 完整性校验失败 with both hashes, every export format and the payload
 *   download are refused with 409, and the detection is audited;
 * - the newest audit entries deleted: `audit:verify` exits 1 naming the first missing entry, and
 *   /admin/audit says so;
 * - an audit row altered: the timeline still names the real signer (from the workflow tables) and
 *   warns that the audit log disagrees;
 * - item 7's display fixes: no raw `password` in the timeline, the 报批稿 credited to the workflow,
 *   an approved chapter without 可提交会签.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/canonical-json.ts';
import type { VersionPayload } from '../../src/lib/workflow/version.ts';
import { eventually } from '../helpers/collab.ts';
import { firstPassageComment } from '../helpers/consultation.ts';
import { dropTrigger, testDatabase, withTestDb } from '../helpers/db.ts';
import { postFormPage } from '../helpers/http.ts';
import { databaseEnv, NODE, ROOT } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';
import { policyAndPublish, submitToFinal } from '../helpers/sign-off.ts';

const ACCOUNTS = ['admin', 'reviewer', 'expert', 'leader', 'qiye', 'jumin'] as const;
type Account = (typeof ACCOUNTS)[number];
const { server, cookies } = serverPerFile(ACCOUNTS);
const A = 'requirements';
const FIRST_ANSWER = '已在6.1补充人口结构分析';
const LATER_ANSWER = '重新打开后改为不采纳';
let final: { id: number; hash: string };
let approval: { id: number };
let round: { id: number; version_id: number };
let threadId: number;

const { query, write, writeReturning } = testDatabase(() => server);

const post = (who: Account, path: string, fields: [string, string][] = []) =>
	postFormPage(server.url, path, fields, cookies.get(who));

async function act(who: Account, action: string, fields: [string, string][] = []) {
	const { status } = await post(who, `/plans/1/workflow/${A}?/${action}`, fields);
	expect({ who, action, status }).toEqual({ who, action, status: 200 });
}

async function get(path: string, who: Account = 'admin') {
	const response = await fetch(`${server.url}${path}`, {
		headers: { cookie: cookies.get(who)! },
		redirect: 'manual'
	});
	return { status: response.status, text: await response.text(), response };
}

function answer(who: Account, reason: string, disposition = 'adopted') {
	return post(who, `/plans/1/rounds/${round.id}?/answer`, [
		['kind', 'thread'],
		['id', String(threadId)],
		['disposition', disposition],
		['reason', reason]
	]);
}

function verifyAudit() {
	return spawnSync(NODE, ['scripts/audit-verify.ts'], {
		cwd: ROOT,
		env: { ...process.env, ...databaseEnv(server) },
		encoding: 'utf8'
	});
}

beforeAll(async () => {
	await policyAndPublish(act);
	round = query('SELECT id, version_id FROM consultation_rounds WHERE activity = ?', A);
	// The resident comments on the first passage of 6.1; the lead unit answers and they confirm.
	const commented = await post(
		'jumin',
		`/plans/1/rounds/${round.id}?/comment`,
		firstPassageComment({ query }, round.version_id, '建议补充老年人口结构分析')
	);
	expect(commented.status).toBe(200);
	threadId = query<{ id: number }>(
		'SELECT id FROM comment_threads WHERE round_id = ?',
		round.id
	).id;
	expect((await answer('admin', FIRST_ANSWER)).status).toBe(200);
	expect(
		(await post('jumin', `/plans/1/rounds/${round.id}?/confirm`, [['id', String(threadId)]])).status
	).toBe(200);
	await act('admin', 'closeConsultation', [['closeReason', '意见已收齐，提前结束']]);
	await submitToFinal(act, async () => {
		// A wrong password first: the timeline must say so in words.
		expect(
			(await post('leader', `/plans/1/workflow/${A}?/approve`, [['password', 'wrong']])).status
		).toBe(403);
	});
	final = query(
		"SELECT id, hash FROM activity_versions WHERE activity = ? AND milestone = 'final'",
		A
	);
	approval = query(
		"SELECT id FROM activity_versions WHERE activity = ? AND milestone = 'approval'",
		A
	);
});

describe('what a signature covers', () => {
	it('freezes the consultation record and the audit head into the 定稿', async () => {
		const { text, status, response } = await get(`/plans/1/versions/${final.id}/payload`, 'jumin');
		expect(status).toBe(200);
		expect(response.headers.get('x-content-sha256')).toBe(final.hash);
		const payload = JSON.parse(text) as VersionPayload;
		expect(payload.format).toBe('lantu-version/2');
		const row = payload.consultation?.rounds[0]?.rows[0];
		expect(row).toMatchObject({ disposition: 'adopted', reason: FIRST_ANSWER });
		expect(row?.confirmedAt).toEqual(expect.any(Number));
		// The anchor is a real entry of the chain.
		const anchored = query<{ hash: string }>(
			'SELECT hash FROM audit_log WHERE id = ?',
			payload.auditHead?.id
		);
		expect(anchored.hash).toBe(payload.auditHead?.hash);
		// The 报批稿 and 定稿 of unchanged content share the 送审稿's hash (countersigns count).
		const review = query<{ hash: string }>(
			"SELECT hash FROM activity_versions WHERE activity = ? AND milestone = 'review'",
			A
		);
		expect(review.hash).toBe(final.hash);
	});

	it('refuses changes to the record after 签发 (409) until the activity is reopened', async () => {
		const refused = await answer('admin', LATER_ANSWER, 'rejected');
		expect(refused.status).toBe(409);
		expect(refused.html).toContain('征求意见记录');
		expect(
			(await post('jumin', `/plans/1/rounds/${round.id}?/confirm`, [['id', String(threadId)]]))
				.status
		).toBe(200); // already confirmed: nothing changes
		expect(
			query<{ reason: string }>(
				'SELECT disposition_reason AS reason FROM comment_threads WHERE id = ?',
				threadId
			).reason
		).toBe(FIRST_ANSWER);

		await act('admin', 'reopen', [['reason', '补充答复']]);
		expect((await answer('admin', LATER_ANSWER, 'rejected')).status).toBe(200);
	});

	it('prints the 意见采纳情况说明 of the 定稿 from its payload, not from the live tables', async () => {
		const md = await get(`/plans/1/export/md?version=v${final.id}`);
		expect(md.status).toBe(200);
		expect(md.text).toContain(FIRST_ANSWER);
		expect(md.text).not.toContain(LATER_ANSWER);
		// The live draft shows today's answer.
		const draft = await get('/plans/1/export/md?version=draft');
		expect(draft.text).toContain(LATER_ANSWER);
	});
});

describe('versions frozen before the record was (format 1)', () => {
	it('still verify, and their appendix says the record was not frozen', async () => {
		const current = JSON.parse(
			(await get(`/plans/1/versions/${final.id}/payload`)).text
		) as VersionPayload;
		const old = canonicalJson({
			format: 'lantu-version/1',
			planId: 1,
			activity: A,
			sections: current.sections
		});
		const hash = createHash('sha256').update(old).digest('hex');
		write(
			'INSERT INTO version_contents (hash, payload, created_at) VALUES (?, ?, ?)',
			hash,
			old,
			Date.now()
		);
		const { id } = writeReturning<{ id: number }>(
			"INSERT INTO activity_versions (plan_id, activity, milestone, seq, hash, created_at) VALUES (1, ?, 'consultation', 99, ?, ?) RETURNING id",
			A,
			hash,
			Date.now()
		);
		const page = await get(`/plans/1/versions/${id}`);
		expect(page.status).toBe(200);
		expect(page.text).not.toContain('完整性校验失败');
		const md = await get(`/plans/1/export/md?version=v${id}`);
		expect(md.status).toBe(200);
		expect(md.text).toContain('签发时未记录意见采纳情况');
	});
});

describe('item 7: what the pages show', () => {
	it('names a failed sign-off in words and credits the 报批稿 to the workflow', async () => {
		const page = (await get(`/plans/1/workflow/${A}`)).text;
		const failed = page.slice(page.indexOf('data-action="workflow.signoff_failed"'));
		const entry = failed.slice(0, failed.indexOf('</li>'));
		expect(entry).toContain('签发时密码错误');
		expect(entry).not.toContain('password');
		const advanced = page.slice(page.indexOf('data-action="workflow.advanced"'));
		const advancedEntry = advanced.slice(0, advanced.indexOf('</li>'));
		expect(advancedEntry).toContain('系统');
		expect(advancedEntry).not.toContain('郑阿姨');
		const version = (await get(`/plans/1/versions/${approval.id}`)).text;
		expect(version).toContain('系统（签署规则满足后自动形成）');
		expect(version).not.toContain('郑阿姨');
	});

	it('shows an approved chapter as 已批准 only, without 可提交会签', async () => {
		// requirements was reopened above; take overall through to approval is long — instead
		// check the state the plan page shows for an approved activity by re-approving requirements.
		await submitToFinal(act);
		final = query(
			"SELECT id, hash FROM activity_versions WHERE activity = ? AND milestone = 'final' ORDER BY id DESC LIMIT 1",
			A
		);
		for (const path of ['/plans/1', '/plans/1/dashboard']) {
			const html = (await get(path)).text;
			const at = html.indexOf(path === '/plans/1' ? `id="${A}"` : `data-activity="${A}"`);
			expect(at, path).toBeGreaterThan(0);
			const card = html.slice(at, html.indexOf('</section>', at));
			expect(card, path).toContain('已批准');
			expect(card, path).not.toContain('可提交会签');
			expect(card, path).not.toContain('项必备未满足');
		}
	});
});

describe('verify on every read', () => {
	it('shows 完整性校验失败 and refuses every export when the stored payload was changed', async () => {
		// The 定稿 and the 征求意见稿 both hold the phrase; change two bytes of each in the database.
		const changed = write(
			"UPDATE version_contents SET payload = replace(payload, '302万人', '320万人') WHERE hash IN (?, (SELECT hash FROM activity_versions WHERE id = ?))",
			final.hash,
			round.version_id
		);
		expect(changed.changes).toBe(2);

		const page = await get(`/plans/1/versions/${final.id}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('完整性校验失败');
		expect(page.text).toContain(final.hash);
		expect(page.text).not.toContain('320万人');

		for (const format of ['docx', 'pdf', 'md', 'json']) {
			for (const version of [`v${final.id}`, 'approved']) {
				for (const edition of version === 'approved' ? ['full', 'publication'] : ['full']) {
					const response = await get(
						`/plans/1/export/${format}?version=${version}&edition=${edition}`
					);
					expect({ format, version, edition, status: response.status }).toEqual({
						format,
						version,
						edition,
						status: 409
					});
					expect(response.text).toContain('完整性校验失败');
					expect(response.text).toContain(final.hash);
				}
			}
		}
		// The export page says so before anyone asks for the file.
		const exportPage = await get(`/plans/1/export?version=v${final.id}`);
		expect(exportPage.text).toContain('data-testid="export-integrity"');
		expect(exportPage.text).toContain('未通过完整性校验');
		const print = await get(`/plans/1/export/print?version=v${final.id}`);
		expect(print.status).toBe(409);
		expect((await get(`/plans/1/versions/${final.id}/payload`)).status).toBe(409);
		// Comparing with it shows the failure too, not a comparison.
		const compare = await get(`/plans/1/versions/${final.id}?compare=${approval.id}`);
		expect(compare.text).toContain('完整性校验失败');

		const roundPage = await get(`/plans/1/rounds/${round.id}`, 'jumin');
		expect(roundPage.status).toBe(200);
		expect(roundPage.text).toContain('完整性校验失败');
		expect(roundPage.text).not.toContain('320万人');

		const audited = query<{ n: number }>(
			"SELECT count(*) AS n FROM audit_log WHERE action = 'integrity.failed' AND target = ?",
			`version:${final.id}`
		).n;
		// Once per version (and computed hash) per hour, not once per page view.
		expect(audited).toBe(1);
		// The server's log arrives through a pipe: read it once it is there.
		await eventually(() =>
			expect(server.output()).toContain('frozen version failed its integrity check')
		);
	});
});

describe('a swapped hash', () => {
	it('catches a 定稿 whose content and hash were both replaced, against its approval', async () => {
		const first = query<{ id: number; hash: string }>(
			"SELECT id, hash FROM activity_versions WHERE activity = ? AND milestone = 'final' ORDER BY id LIMIT 1",
			A
		);
		const forged = query<{ payload: string }>(
			'SELECT payload FROM version_contents WHERE hash = ?',
			first.hash
		).payload.replace('302万人', '320万人');
		const hash = createHash('sha256').update(forged).digest('hex');
		write(
			'INSERT INTO version_contents (hash, payload, created_at) VALUES (?, ?, ?)',
			hash,
			forged,
			Date.now()
		);
		write('UPDATE activity_versions SET hash = ? WHERE id = ?', hash, first.id);
		const page = await get(`/plans/1/versions/${first.id}`);
		expect(page.text).toContain('完整性校验失败');
		expect(page.text).toContain('签署记录所载哈希值');
		expect(page.text).toContain(first.hash);
		expect(page.text).not.toContain('320万人');
		expect((await get(`/plans/1/export/docx?version=v${first.id}`)).status).toBe(409);
	});
});

describe('the audit log’s tail', () => {
	it('passes with its anchors intact', async () => {
		// The checkpoint file follows the chain head (written right after the append commits).
		await eventually(() => {
			const checkpoint = JSON.parse(
				fs.readFileSync(path.join(server.dataDir, 'audit-checkpoint.json'), 'utf8')
			) as { id: number; hash: string };
			expect(checkpoint).toMatchObject(
				query<{ id: number; hash: string }>(
					'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'
				)
			);
		});
		const result = verifyAudit();
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/anchors checked/);
	});

	it('catches the newest entries deleted, naming the first missing one', async () => {
		const { max } = query<{ max: number }>('SELECT max(id) AS max FROM audit_log');
		// An attacker with the database file drops the append-only triggers first.
		withTestDb(server, (db) => dropTrigger(db, 'audit_log_no_delete', 'audit_log'));
		write('DELETE FROM audit_log WHERE id >= ?', max - 1);
		const result = verifyAudit();
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`entry ${max - 1} and later are missing`);
		expect(result.stderr).toContain(`checkpoint records entry ${max}`);

		const admin = await post('admin', '/admin/audit?/verify');
		expect(admin.status).toBe(200);
		expect(admin.html).toContain(`第 ${max - 1} 条记录处断裂`);
		expect(admin.html).toContain('最新的记录被删除或截断');
	});

	it('keeps the right signer on the timeline when an audit row is altered, and warns', async () => {
		const jumin = query<{ id: number }>("SELECT id FROM users WHERE username = 'jumin'").id;
		withTestDb(server, (db) => dropTrigger(db, 'audit_log_no_update', 'audit_log'));
		write(
			"UPDATE audit_log SET actor_id = ? WHERE action = 'workflow.approved' AND target = ?",
			jumin,
			`activity:${A}`
		);
		const page = (await get(`/plans/1/workflow/${A}`)).text;
		expect(page).toContain('data-testid="timeline-disagreement"');
		expect(page).toContain('流程记录与审计日志不一致');
		const approved = page.slice(page.indexOf('data-action="workflow.approved"'));
		const entry = approved.slice(0, approved.indexOf('</li>'));
		expect(entry).toContain('周市长');
		expect(entry).not.toContain('郑阿姨');
	});
});

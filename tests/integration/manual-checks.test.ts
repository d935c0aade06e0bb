/**
 * Manual checks (issue 18) on the real server: the demo's expert confirmations hold for the seeded
 * content; a reviewer confirms and withdraws through the dashboard's form actions; an editor cannot;
 * an edit of the judged section makes the confirmation stale; each step is audited and stated in
 * the report's 符合性声明 (read from the Markdown export).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, eventually } from '../helpers/collab.ts';
import { testDatabase } from '../helpers/db.ts';
import { login, postForm } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
const cookies = new Map<string, string>();
const db = testDatabase(() => server);

beforeAll(async () => {
	server = await startServer();
	for (const who of ['dsj', 'reviewer', 'expert', 'jumin'])
		cookies.set(who, await login(server.url, who));
});
afterAll(async () => {
	await server?.stop();
});

const act = (who: string, action: 'confirm' | 'revoke', checkId: string) =>
	postForm(server.url, `/plans/1/dashboard?/${action}`, { checkId }, cookies.get(who));

/** The 符合性声明 row of a clause in the draft's Markdown export, as its cells. */
async function statementRow(clause: string): Promise<string[]> {
	const response = await fetch(`${server.url}/plans/1/export/md?version=draft`, {
		headers: { cookie: cookies.get('dsj')! }
	});
	expect(response.status).toBe(200);
	const text = await response.text();
	const statement = text.slice(text.lastIndexOf('符合性声明'));
	const row = statement
		.split('\n')
		.map((line) => line.split('|').map((cell) => cell.trim()))
		.find((cells) => cells[2] === clause);
	if (!row) throw new Error(`no statement row for ${clause}`);
	return row.slice(4, 7);
}

/** How many audit rows record `action` on `target`. */
const audited = (action: string, target: string) =>
	db.query<{ n: number }>(
		'SELECT count(*) AS n FROM audit_log WHERE action = ? AND target = ?',
		action,
		target
	).n;

describe('manual checks', () => {
	it('the seeded expert confirmations hold for the seeded content', async () => {
		expect(await statementRow('4.1.2')).toEqual([
			'满足',
			'审查人人工确认',
			expect.stringMatching(/^孙教授（\d{4}年\d{1,2}月\d{1,2}日）$/)
		]);
	});

	it('refuses an editor and a participant, and an unknown check', async () => {
		expect((await act('dsj', 'confirm', 'manual:8.1.1')).status).toBe(403);
		expect((await act('jumin', 'confirm', 'manual:8.1.1')).status).toBe(403);
		expect((await act('reviewer', 'confirm', 'manual:9.9.9')).status).toBe(404);
		expect((await act('reviewer', 'confirm', 'not-a-check')).status).toBe(400);
		expect(
			db.query<{ n: number }>(
				"SELECT count(*) AS n FROM manual_checks WHERE plan_id = 1 AND check_id = 'manual:8.1.1'"
			).n
		).toBe(0);
	});

	it('a reviewer confirms by name, audited; withdrawing it is audited too', async () => {
		expect((await act('reviewer', 'confirm', 'manual:8.1.1')).status).toBe(200);
		const row = db.query<{ by: string }>(
			`SELECT u.display_name AS by FROM manual_checks m JOIN users u ON u.id = m.confirmed_by
			 WHERE m.plan_id = 1 AND m.check_id = 'manual:8.1.1'`
		);
		expect(row.by).toBe('赵国平');
		expect(audited('conformance.manual_confirmed', 'manual:8.1.1')).toBe(1);
		expect((await act('reviewer', 'revoke', 'manual:8.1.1')).status).toBe(200);
		expect((await act('reviewer', 'revoke', 'manual:8.1.1')).status).toBe(409);
		expect(audited('conformance.manual_revoked', 'manual:8.1.1')).toBe(1);
	});

	it('goes stale when the section changes afterwards, until confirmed again', async () => {
		const editor = connect(server.url, cookies.get('dsj')!, 'plan/1/section/7.3');
		try {
			await eventually(() => expect(editor.provider.authorizedScope).toBe('read-write'));
			await eventually(() => expect(editor.provider.isSynced).toBe(true));
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText('确认之后补充的一句目标说明。')]);
			const body = editor.doc.getXmlFragment('body');
			body.insert(body.length, [paragraph]);
			await eventually(async () =>
				expect((await statementRow('4.1.2')).slice(0, 2)).toEqual([
					'未确认',
					'确认后内容已变更，须重新确认'
				])
			);
		} finally {
			editor.destroy();
		}
		// 4.1.5 judges 7.2, which did not change.
		expect((await statementRow('4.1.5'))[0]).toBe('满足');
		expect((await act('expert', 'confirm', 'manual:4.1.2')).status).toBe(200);
		expect((await statementRow('4.1.2'))[0]).toBe('满足');
	});
});

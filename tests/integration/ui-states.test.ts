/**
 * What the server-rendered pages say about their state, against the real server: a participant on
 * the export page before anything is published, the owning department during consultation, and the
 * audit log read by an administrator — words, not codes, and nothing that claims an error or a
 * permission problem that is not there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, postForm } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;

async function html(path: string, cookie: string): Promise<string> {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
	expect(response.status, path).toBe(200);
	return response.text();
}

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

describe('the export page of a participant before any version exists', () => {
	it('explains calmly that nothing is published yet, with no error box', async () => {
		const page = await html('/plans/1/export', await login(server.url, 'jumin'));
		expect(page).toContain('data-testid="export-nothing-yet"');
		expect(page).toContain('尚无可导出的版本');
		expect(page).not.toContain('alert-error');
		expect(page).not.toContain('只有可以查看草稿的成员能导出草稿');
	});
});

describe('the audit log', () => {
	it('names actions and details in words, not codes or JSON', async () => {
		// A failed login, so the log holds a `login.failed` entry.
		const failed = await postForm(server.url, '/login', { username: 'dsj', password: 'wrong-1' });
		expect(failed.status).not.toBe(303);
		const page = await html('/admin/audit', await login(server.url, 'admin'));
		const table = page.slice(page.indexOf('<table'), page.indexOf('</table>'));
		expect(table).toContain('data-action="login.failed"');
		expect(table).toContain('登录失败');
		expect(table).toContain('创建账号');
		expect(table).toContain('分配章节给部门');
		// Codes stay only in attributes (title, data-action) for searching, never as cell text.
		const text = table.replace(/<[^>]*>/g, ' ');
		expect(text).not.toMatch(/\b(login\.failed|user\.created|section\.assigned|member\.added)\b/);
		expect(text).not.toContain('{"');
		expect(text).toContain('角色');
		expect(text).toContain('牵头单位管理员');
		// The filter offers the same words.
		expect(page).toMatch(/<option value="login\.failed"[^>]*>登录失败<\/option>/);
	});
});

describe('a section during consultation', () => {
	it('tells the owning department that editing is paused, not that only its editors may edit', async () => {
		const fgw = await login(server.url, 'fgw');
		const before = await html('/plans/1/sections/6.1', fgw);
		expect(before).not.toContain('data-readonly-notice');

		const admin = await login(server.url, 'admin');
		const published = await postForm(
			server.url,
			'/plans/1/workflow/requirements?/publish',
			{},
			admin
		);
		expect(published.status).toBeLessThan(400);

		const during = await html('/plans/1/sections/6.1', fgw);
		const notice = during.slice(during.indexOf('data-readonly-notice'));
		expect(notice.slice(0, notice.indexOf('</p>'))).toContain('编辑已暂停');
		expect(during).not.toContain('只有责任部门的编辑在起草阶段可以修改');

		// Someone who never writes 6.1 is told the same reason while it lasts.
		const reviewer = await html('/plans/1/sections/6.1', await login(server.url, 'reviewer'));
		expect(reviewer).toContain('编辑已暂停');
	});
});

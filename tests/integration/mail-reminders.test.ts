/**
 * 待办 by e-mail and the controllable clock (issue 14), against a loopback SMTP server: a user
 * sets a notification address on the account page; a new sign-off task and, once the test clock
 * is moved past the step's deadline, the due and overdue reminders reach both the inbox and the
 * mailbox; a temporary SMTP failure is retried. The test clock refuses anonymous callers and
 * non-admins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../helpers/db.ts';
import { login, postForm } from '../helpers/http.ts';
import { startMailbox, type Mailbox } from '../helpers/mailbox.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { FGW, workflowStatus } from '../helpers/sign-off.ts';

let server: TestServer;
let mailbox: Mailbox;
const cookies = new Map<string, string>();
const ACCOUNTS = ['admin', 'reviewer', 'expert'] as const;
type Account = (typeof ACCOUNTS)[number];
const REVIEWER_MAIL = 'reviewer@fgw.example.gov.cn';

beforeAll(async () => {
	mailbox = await startMailbox();
	server = await startServer({ env: { LANTU_TEST_CLOCK: '1', SMTP_URL: mailbox.url } });
	for (const name of ACCOUNTS) cookies.set(name, await login(server.url, name));
});
afterAll(async () => {
	await server?.stop();
	await mailbox?.close();
});

const { query } = testDatabase(() => server);

function clock(who: Account | null, body: unknown) {
	return fetch(`${server.url}/api/test/clock`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			origin: server.url,
			...(who ? { cookie: cookies.get(who)! } : {})
		},
		body: JSON.stringify(body)
	});
}

const act = (who: Account, action: string, fields: [string, string][] = []) =>
	workflowStatus(server.url, cookies.get(who), 'roadmap', action, fields);

async function notices(who: Account, kind: string): Promise<number> {
	const response = await fetch(`${server.url}/inbox`, { headers: { cookie: cookies.get(who)! } });
	return [...(await response.text()).matchAll(new RegExp(`data-notification="${kind}"`, 'g'))]
		.length;
}

describe('test clock', () => {
	it('answers only a signed-in system admin', async () => {
		expect((await clock(null, { sweep: true })).status).toBe(401);
		expect((await clock('reviewer', { sweep: true })).status).toBe(403);
		expect((await clock('admin', { now: 'tomorrow' })).status).toBe(400);
		const set = await clock('admin', { now: '2030-01-01T00:00:00+08:00' });
		expect(set.status).toBe(200);
		expect(Date.parse(((await set.json()) as { now: string }).now)).toBeGreaterThanOrEqual(
			Date.parse('2029-12-31T16:00:00Z')
		);
		expect((await clock('admin', { reset: true })).status).toBe(200);
	});
});

describe('e-mail', () => {
	it('takes a valid notification address on the account page and refuses a bad one', async () => {
		const bad = await postForm(
			server.url,
			'/account?/email',
			{ email: 'not an address' },
			cookies.get('reviewer')
		);
		expect(bad.status).toBe(400);
		const good = await postForm(
			server.url,
			'/account?/email',
			{ email: ` ${REVIEWER_MAIL.toUpperCase()} ` },
			cookies.get('reviewer')
		);
		expect(good.status).toBe(200);
		expect(
			query<{ email: string }>("SELECT email FROM users WHERE username = 'reviewer'").email
		).toBe(REVIEWER_MAIL);
	});

	it('mails a new sign-off task, retrying a temporary failure', async () => {
		mailbox.failNextTo(REVIEWER_MAIL);
		const policy: [string, string][] = [
			['departments', String(FGW)],
			['mode', 'all'],
			['enterpriseCount', '0'],
			['residentCount', '0'],
			['approverId', ''],
			['deadlineDays', '3'],
			['consultationWaiver', '测试：不征求意见']
		];
		expect(await act('admin', 'policy', policy)).toBe(200);
		expect(await act('admin', 'submit', [['waiverReason', '测试数据']])).toBe(200);
		const mail = await mailbox.waitFor((m) => m.subject.includes('新的待办'));
		expect(mail.to).toEqual([REVIEWER_MAIL]);
		expect(mail.text).toContain('/plans/1/workflow/roadmap');
		expect(mail.subject).toContain('第9章');
		const row = query<{ attempts: number; sent: number | null }>(
			'SELECT attempts, sent_at AS sent FROM mail_outbox ORDER BY id LIMIT 1'
		);
		expect(row.attempts).toBe(2);
		expect(row.sent).not.toBeNull();
		// The expert panel is not in this step and gave no address: nothing for them.
		expect(mailbox.messages.every((m) => m.to.includes(REVIEWER_MAIL))).toBe(true);
	});

	it('reminds once the test clock passes the step’s deadline, in the inbox and by e-mail', async () => {
		const created = query<{ at: number }>(
			"SELECT created_at AS at FROM activity_versions WHERE activity = 'roadmap' AND milestone = 'review'"
		).at;
		// Three working days from any day end within eight calendar days (weekends, no holidays).
		const overdue = new Date(created + 12 * 24 * 3600_000).toISOString();
		const sweep = await clock('admin', { now: overdue, sweep: true });
		expect(((await sweep.json()) as { reminders: number }).reminders).toBe(1);
		const mail = await mailbox.waitFor((m) => m.subject.includes('已逾期'));
		expect(mail.to).toEqual([REVIEWER_MAIL]);
		expect(await notices('reviewer', 'task_overdue')).toBe(1);
		expect(await notices('admin', 'task_overdue')).toBe(1);
		// Once per step and stage, however often the sweep runs.
		const again = await clock('admin', { sweep: true });
		expect(((await again.json()) as { reminders: number }).reminders).toBe(0);
		const todo = await fetch(`${server.url}/todo`, {
			headers: { cookie: cookies.get('reviewer')! }
		});
		expect(await todo.text()).toMatch(/data-todo-deadline[^>]*>已逾期/);
		expect((await clock('admin', { reset: true })).status).toBe(200);
		const back = await fetch(`${server.url}/todo`, {
			headers: { cookie: cookies.get('reviewer')! }
		});
		expect(await back.text()).not.toMatch(/data-todo-deadline[^>]*>已逾期/);
	});
});

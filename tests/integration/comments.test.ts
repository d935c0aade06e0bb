/**
 * Internal comments against the real server: who may comment, reply, resolve and reopen (decided in
 * the server, not the UI); mentions and replies reaching the inbox; XSS payloads stored as typed and
 * rendered inert; oversized bodies refused with a clear message; changes announced to the section's
 * live connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventually } from '../helpers/collab.ts';
import { SAMPLE_TEXT_ANCHOR } from '../helpers/comments.ts';
import { callApi, login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { openTestDb } from '../helpers/db.ts';

let server: TestServer;
const cookies: Record<string, string> = {};

const ANCHOR = SAMPLE_TEXT_ANCHOR;

const api = (user: string | null, path: string, payload?: unknown) =>
	callApi(server.url, path, user ? cookies[user] : undefined, payload);

async function html(user: string, path: string): Promise<string> {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[user] } });
	expect(response.status).toBe(200);
	return response.text();
}

const thread = (user: string, body: string, anchor: unknown = ANCHOR, clause = '8.4') =>
	api(user, `/api/plans/1/sections/${clause}/comments`, { anchor, body });
const act = (user: string, id: number, payload: unknown) =>
	api(user, `/api/plans/1/comments/${id}`, payload);

beforeAll(async () => {
	server = await startServer();
	for (const user of ['dsj', 'fgw', 'reviewer', 'expert', 'qiye'])
		cookies[user] = await login(server.url, user);
});
afterAll(async () => {
	await server?.stop();
});

describe('who may comment', () => {
	it('a reviewer who only reads the draft starts a thread; participants without draft access and anonymous callers are refused', async () => {
		const created = await thread('reviewer', '建议明确政务云的建设主体。');
		expect(created.status).toBe(201);
		expect(created.json.threadId).toEqual(expect.any(Number));

		const participant = await thread('qiye', '企业的意见');
		expect(participant.status).toBe(403);
		expect(participant.json.code).toBe('comment-forbidden');
		expect((await api('qiye', '/api/plans/1/sections/8.4/comments')).status).toBe(403);
		expect((await thread('qiye', 'x')).status).toBe(403);
		expect(
			(await api(null, '/api/plans/1/sections/8.4/comments', { anchor: ANCHOR, body: 'x' })).status
		).toBe(401);

		const list = await api('fgw', '/api/plans/1/sections/8.4/comments');
		expect(list.status).toBe(200);
		const threads = list.json.threads as {
			id: number;
			quote: string;
			comments: { author: string }[];
		}[];
		expect(threads.find((t) => t.id === created.json.threadId)).toMatchObject({
			quote: '一朵政务云',
			comments: [{ author: '赵国平' }]
		});
	});

	it('refuses anchors outside the section and rows of blocks it does not have', async () => {
		const wrongItem = await thread('dsj', '意见', { ...ANCHOR, fragment: 'item:9.4.a' });
		expect(wrongItem.status).toBe(400);
		expect(wrongItem.json.code).toBe('comment-anchor-invalid');
		const rowAnchor = (blockKey: string, rowId: string, label: string) => ({
			kind: 'row',
			blockKey,
			rowId,
			label
		});
		const wrongBlock = await thread('dsj', '意见', rowAnchor('keyProjects', 'x', 'x'));
		expect(wrongBlock.status).toBe(400);
		const row = await thread(
			'dsj',
			'感知层还缺视频资源整合。',
			rowAnchor('architectureLayers', 'demo-layer84-1', '感知层')
		);
		expect(row.status).toBe(201);
	});

	it('refuses an oversized body with a clear message, and an empty one', async () => {
		const big = await thread('dsj', '长'.repeat(4001));
		expect(big.status).toBe(400);
		expect(big.json.code).toBe('comment-too-long');
		expect(big.json.message).toContain('4000');
		const huge = await thread('dsj', '长'.repeat(100_000));
		expect([400, 413]).toContain(huge.status);
		expect(huge.json.code).toBe('comment-too-long');
		const empty = await thread('dsj', ' \n ');
		expect(empty.status).toBe(400);
		expect(empty.json.code).toBe('comment-empty');
	});
});

describe('replies, mentions, resolve and reopen', () => {
	it('notifies the thread’s participants and those mentioned, and lets only the author, the owning department or an admin resolve', async () => {
		const { json } = await thread('reviewer', '8.4 应说明机房整合的时间表。');
		const id = json.threadId as number;

		const reply = await act('dsj', id, { action: 'reply', body: '已补充，请 @孙教授 一并看看。' });
		expect(reply.status).toBe(200);
		// The author hears of the reply; the expert of the mention.
		const reviewerInbox = await html('reviewer', '/inbox');
		expect(reviewerInbox).toContain('李晓明 回复了您参与的评论');
		expect(reviewerInbox).toContain('已补充，请 @孙教授 一并看看。');
		const expertInbox = await html('expert', '/inbox');
		expect(expertInbox).toContain('李晓明 在评论中提及了您');
		expect(expertInbox).toMatch(/data-unread[^>]*>\d+</);

		// 发展改革委 does not own 8.4 and did not start the thread.
		const refused = await act('fgw', id, { action: 'resolve' });
		expect(refused.status).toBe(403);
		expect(refused.json.code).toBe('comment-resolve-forbidden');
		// …but may reply: every reader may.
		expect((await act('fgw', id, { action: 'reply', body: '同意。' })).status).toBe(200);
		expect((await act('qiye', id, { action: 'reply', body: '企业' })).status).toBe(403);

		// The thread's author may resolve it; the owning department may reopen it.
		expect((await act('reviewer', id, { action: 'resolve' })).status).toBe(200);
		let threads = (await api('dsj', '/api/plans/1/sections/8.4/comments')).json.threads as {
			id: number;
			status: string;
			resolvedBy: string | null;
		}[];
		expect(threads.find((t) => t.id === id)).toMatchObject({
			status: 'resolved',
			resolvedBy: '赵国平'
		});
		expect((await act('dsj', id, { action: 'reopen' })).status).toBe(200);
		threads = (await api('dsj', '/api/plans/1/sections/8.4/comments')).json
			.threads as typeof threads;
		expect(threads.find((t) => t.id === id)?.status).toBe('open');
		expect(await html('reviewer', '/inbox')).toContain('李晓明 重新打开了您的评论');

		// Resolutions are audited.
		const db = openTestDb(server, { readonly: true });
		try {
			const actions = db
				.prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY id')
				.all(`thread:${id}`)
				.map((r) => (r as { action: string }).action);
			expect(actions).toEqual([
				'comment.created',
				'comment.replied',
				'comment.replied',
				'comment.resolved',
				'comment.reopened'
			]);
		} finally {
			db.close();
		}
	});

	it('counts open threads per section in the plan tree', async () => {
		const page = await html('fgw', '/plans/1');
		const start = page.indexOf('data-clause="8.4"');
		const section = page.slice(start, page.indexOf('</li>', start));
		// The icon (lucide, not an emoji a machine may lack) and the count.
		expect(section).toMatch(
			/data-open-threads[^>]*>[\s\S]*?<svg[\s\S]*?<\/svg>[\s\S]*?<span class="tabular-nums">\d+<\/span>/
		);
	});
});

describe('bodies are inert', () => {
	it('stores <script> and <img onerror> as typed and renders them as text in the section page and the inbox', async () => {
		const payload =
			'<script>alert("x")</script><img src=x onerror=alert(1)> @李晓明 javascript:alert(2) https://example.org/a';
		const { status, json } = await thread('reviewer', payload);
		expect(status).toBe(201);
		const list = await api('dsj', '/api/plans/1/sections/8.4/comments');
		const stored = (list.json.threads as { id: number; comments: { body: string }[] }[]).find(
			(t) => t.id === json.threadId
		);
		expect(stored?.comments[0].body).toBe(payload);

		const page = await html('dsj', `/plans/1/sections/8.4?thread=${json.threadId}`);
		expect(page).toContain('&lt;script>alert("x")&lt;/script>&lt;img src=x onerror=alert(1)>');
		expect(page).not.toContain('<script>alert("x")');
		expect(page).not.toContain('<img src=x');
		expect(page).not.toContain('href="javascript:');
		const link = page.match(/<a [^>]*href="https:\/\/example\.org\/a"[^>]*>/)?.[0] ?? '';
		expect(link).toContain('rel="noopener noreferrer nofollow"');

		const inbox = await html('dsj', '/inbox');
		expect(inbox).toContain('赵国平 在评论中提及了您');
		expect(inbox).toContain('&lt;script>alert("x")&lt;/script>');
		expect(inbox).not.toContain('<img src=x');
	});
});

it('announces changes to the section’s live connections', async () => {
	const live = connect(server.url, cookies.fgw, 'plan/1/section/8.4');
	const messages: string[] = [];
	live.provider.on('stateless', ({ payload }: { payload: string }) => messages.push(payload));
	try {
		await eventually(() => expect(live.provider.isSynced).toBe(true));
		expect((await thread('expert', '请补充算力规模。')).status).toBe(201);
		await eventually(() => expect(messages).toContain(JSON.stringify({ type: 'comments' })));
	} finally {
		live.destroy();
	}
});

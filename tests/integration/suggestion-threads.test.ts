/**
 * A comment thread on a suggestion (修订, issue 17), against the real server: another department's
 * editor (fgw) suggests an insertion in 大数据局's 8.3 through a hand-made client and explains it
 * in a thread on the suggestion; the owner (dsj) replies; every reader of the section sees the
 * thread under that suggestion; only a suggestion pending in the live draft can be discussed;
 * resolving is for the thread's author, those who answer for the section, and the suggestion's
 * own author — not for any reader.
 */
import { describe, expect, it } from 'vitest';
import { suggestionId } from '../../src/lib/suggestions/ids.ts';
import { connect, eventually, firstText } from '../helpers/collab.ts';
import { testDatabase } from '../helpers/db.ts';
import { callApi } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';

const { server, cookies } = serverPerFile(['dsj', 'fgw', 'reviewer', 'expert', 'qiye']);
const db = testDatabase(() => server);

const api = (user: string, path: string, payload?: unknown) =>
	callApi(server.url, path, cookies.get(user), payload);

const COMMENTS = '/api/plans/1/sections/8.3/comments';

interface Thread {
	id: number;
	status: string;
	anchor: { kind: string; suggestionId?: string };
	canResolve: boolean;
	comments: { author: string; body: string }[];
}

describe('discussing a suggestion', { timeout: 120_000 }, () => {
	let id: string;
	let threadId: number;

	it('is possible on a pending suggestion, not on one that does not exist', async () => {
		const fgw = db.query<{ id: number; organizationId: number }>(
			"SELECT id, organization_id AS organizationId FROM users WHERE username = 'fgw'"
		);
		id = suggestionId({ userId: fgw.id, organizationId: fgw.organizationId, at: Date.now() });
		const client = connect(server.url, cookies.get('fgw')!, 'plan/1/section/8.3');
		await eventually(() => expect(client.provider.isSynced).toBe(true), 10_000);
		firstText(client.doc).insert(1, '（建议补充容灾要求）', { insertion: { id } });
		await eventually(() => expect(client.provider.hasUnsyncedChanges).toBe(false), 10_000);
		client.destroy();

		const anchor = { kind: 'suggestion', fragment: 'body', suggestionId: id, quote: '容灾' };
		const missing = await api('fgw', COMMENTS, {
			anchor: { ...anchor, suggestionId: `${id}x` },
			body: '无此修订'
		});
		expect(missing.status).toBe(409);
		const started = await api('fgw', COMMENTS, { anchor, body: '依据等保三级要求补充。' });
		expect(started.status).toBe(201);
		threadId = started.json.threadId as number;
		expect(threadId).toBeGreaterThan(0);
		// A participant who does not read the draft cannot.
		expect((await api('qiye', COMMENTS, { anchor, body: '路过' })).status).toBe(403);
	});

	it('takes replies, and every reader of the section sees it under that suggestion', async () => {
		const replied = await api('dsj', `/api/plans/1/comments/${threadId}`, {
			action: 'reply',
			body: '同意方向，措辞再斟酌。'
		});
		expect(replied.status).toBe(200);
		for (const reader of ['dsj', 'fgw', 'reviewer', 'expert']) {
			const { status, json } = await api(reader, COMMENTS);
			expect(status).toBe(200);
			const found = (json.threads as Thread[]).find((t) => t.id === threadId);
			expect(found?.anchor).toEqual({ kind: 'suggestion', fragment: 'body', suggestionId: id });
			expect(found?.comments.map((c) => c.body)).toEqual([
				'依据等保三级要求补充。',
				'同意方向，措辞再斟酌。'
			]);
		}
		expect((await api('qiye', COMMENTS)).status).toBe(403);
	});

	it('is resolved by those who may — the suggestion’s author included — and no other reader', async () => {
		// dsj's thread on fgw's suggestion: the reviewer (a reader) may not resolve it, fgw may.
		const owners = await api('dsj', COMMENTS, {
			anchor: { kind: 'suggestion', fragment: 'body', suggestionId: id, quote: '' },
			body: '请补充依据。'
		});
		const other = owners.json.threadId as number;
		const list = (await api('reviewer', COMMENTS)).json.threads as Thread[];
		expect(list.find((t) => t.id === other)?.canResolve).toBe(false);
		expect(
			(await api('reviewer', `/api/plans/1/comments/${other}`, { action: 'resolve' })).status
		).toBe(403);
		expect((await api('fgw', `/api/plans/1/comments/${other}`, { action: 'resolve' })).status).toBe(
			200
		);
		expect(
			(await api('dsj', `/api/plans/1/comments/${threadId}`, { action: 'resolve' })).status
		).toBe(200);
		const after = (await api('expert', COMMENTS)).json.threads as Thread[];
		expect(after.filter((t) => t.anchor.suggestionId === id).map((t) => t.status)).toEqual([
			'resolved',
			'resolved'
		]);
		const stored = db.query<{ n: number }>(
			"SELECT count(*) AS n FROM comment_threads WHERE anchor_kind = 'suggestion' AND suggestion_id = ?",
			id
		).n;
		expect(stored).toBe(2);
	});
});

/**
 * The answer view's stored search index against the real server (issue 15): an opinion is indexed
 * when it is written and found at once; the index follows moderation; a member sees through
 * search only what they answer; a large backlog is indexed in the background with the view saying
 * so; pages of 50 and "answer all that match" reach every author's inbox; after a restart search
 * works from the stored index without rebuilding it.
 */
import { describe, expect, it } from 'vitest';
import { firstPassageComment, solvedChallenge } from '../helpers/consultation.ts';
import { openTestDb, testDatabase } from '../helpers/db.ts';
import { postFormPage } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';

const ACCOUNTS = ['admin', 'dsj', 'qiye', 'jumin', 'expert'] as const;
type Account = (typeof ACCOUNTS)[number];
const { server, cookies } = serverPerFile(ACCOUNTS);
const { query, all } = testDatabase(() => server);

const post = (who: Account | null, path: string, fields: [string, string][]) =>
	postFormPage(server.url, path, fields, who ? cookies.get(who) : undefined);

interface Round {
	id: number;
	version_id: number;
	public_token: string;
}
const round = () =>
	query<Round>(
		"SELECT id, version_id, public_token FROM consultation_rounds WHERE plan_id = 1 AND activity = 'architecture' ORDER BY id DESC LIMIT 1"
	);
const view = () => `/plans/1/rounds/${round().id}/answer`;

async function answerView(query: string, who: Account = 'admin') {
	const res = await fetch(`${server.url}${view()}${query}`, {
		headers: { cookie: cookies.get(who) ?? '' }
	});
	return { status: res.status, html: await res.text() };
}

const matched = (html: string) => Number(/符合筛选条件 (\d+) 条/.exec(html)?.[1]);

/** Opinions written straight into the database, as an upgrade or an import leaves them. */
function insertOpinions(clause: string, bodies: readonly string[], usernames: readonly string[]) {
	const db = openTestDb(server);
	try {
		const authors = usernames.map(
			(u) =>
				db.prepare('SELECT id, organization_id AS org FROM users WHERE username = ?').get(u) as {
					id: number;
					org: number;
				}
		);
		const thread = db.prepare(
			`INSERT INTO comment_threads (plan_id, clause, anchor_kind, fragment, anchor_start, anchor_end,
			 quote, author_id, round_id, stance, organization_id, participant_type)
			 VALUES (1, ?, 'text', 'body', '0', '4', '原文', ?, ?, 'suggest', ?, 'enterprise') RETURNING id`
		);
		const comment = db.prepare(
			'INSERT INTO comments (thread_id, author_id, body) VALUES (?, ?, ?)'
		);
		const roundId = round().id;
		const ids: number[] = [];
		db.transaction(() => {
			bodies.forEach((body, i) => {
				const author = authors[i % authors.length];
				const id = Number(
					(thread.get(clause, author.id, roundId, author.org) as { id: number }).id
				);
				comment.run(id, author.id, body);
				ids.push(id);
			});
		})();
		return ids;
	} finally {
		db.close();
	}
}

const work = (publicPath: string) => solvedChallenge(server.url, publicPath);

const clausesOf = (html: string) =>
	[...html.matchAll(/<option value="(\d+(?:\.\d+)*)"/g)].map((m) => m[1]);

describe('the stored search index', () => {
	it('indexes an opinion as it is written and follows moderation', async () => {
		const opened = await post('admin', '/plans/1/workflow/architecture?/publish', [
			['configured', '1'],
			['groups', 'enterprise'],
			['days', '30'],
			['publicLink', 'on']
		]);
		expect(opened.status).toBe(200);
		const { id, version_id: versionId, public_token: token } = round();

		const long = `${'建议加强各部门之间的业务协同，'.repeat(200)}最后，建议推进政务数据共享。`;
		const commented = await post(
			'qiye',
			`/plans/1/rounds/${id}?/comment`,
			firstPassageComment({ query }, versionId, long)
		);
		expect(commented.status).toBe(200);
		const thread = query<{ id: number }>(
			'SELECT id FROM comment_threads WHERE round_id = ? ORDER BY id DESC LIMIT 1',
			id
		);
		// Written with the opinion: its row, signature and words.
		const indexed = all<{ bytes: number; words: string }>(
			`SELECT length(i.signature) AS bytes, f.words
			 FROM consultation_opinion_index i JOIN consultation_opinion_fts f ON f.rowid = i.id
			 WHERE i.thread_id = ?`,
			thread.id
		);
		expect(indexed).toHaveLength(1);
		expect(indexed[0].bytes).toBe(256);
		expect(indexed[0].words.split(' ')).toContain('数据');

		const found = await answerView(`?q=${encodeURIComponent('数据')}`);
		expect(matched(found.html)).toBe(1);
		expect(found.html).toContain('推进政务数据共享');
		expect(matched((await answerView(`?q=${encodeURIComponent('大数据局')}`)).html)).toBe(0);

		// A public opinion: indexed when submitted, found only once approved, gone when hidden.
		const url = `/consult/${token}`;
		const submitted = await post(null, `${url}?/comment`, [
			...firstPassageComment({ query }, versionId, '小区周边停车位严重不足，建议规划立体停车库。'),
			['name', '市民甲'],
			['altcha', await work(url)]
		]);
		expect(submitted.status).toBe(200);
		const open = query<{ id: number }>(
			'SELECT id FROM public_comments WHERE round_id = ? ORDER BY id DESC LIMIT 1',
			id
		);
		expect(
			query<{ n: number }>(
				'SELECT count(*) AS n FROM consultation_opinion_index WHERE public_comment_id = ?',
				open.id
			).n
		).toBe(1);
		const parking = `?q=${encodeURIComponent('停车位')}`;
		expect(matched((await answerView(parking)).html)).toBe(0);
		const moderate = (decision: string, reason = '') =>
			post('admin', `/plans/1/rounds/${id}?/moderate`, [
				['id', String(open.id)],
				['decision', decision],
				['reason', reason]
			]);
		expect((await moderate('approve')).status).toBe(200);
		expect(matched((await answerView(parking)).html)).toBe(1);
		expect((await moderate('hide', '重复提交')).status).toBe(200);
		expect(matched((await answerView(parking)).html)).toBe(0);
	});

	it('shows a member through search only the opinions they answer', async () => {
		expect((await answerView('', 'qiye')).status).toBe(403);
		const everything = clausesOf((await answerView('')).html);
		const dsj = await answerView('', 'dsj');
		const theirs = dsj.status === 200 ? clausesOf(dsj.html) : [];
		const other = everything.find((c) => !theirs.includes(c));
		expect(other).toBeDefined();
		const [hidden] = insertOpinions(other!, ['建议为电动自行车增设充电桩与智能门禁。'], ['qiye']);
		const q = `?q=${encodeURIComponent('充电桩')}`;
		expect(matched((await answerView(q)).html)).toBe(1);
		const seen = await answerView(q, 'dsj');
		if (seen.status === 200) {
			expect(matched(seen.html)).toBe(0);
			expect(seen.html).not.toContain('智能门禁');
			const refused = await post('dsj', `${view()}${q}&/answerMany`, [
				['target', `t${hidden}`],
				['disposition', 'adopted'],
				['reason', '采纳']
			]);
			expect(refused.status).toBe(403);
			// "All that match" answers only what the member may answer: here nothing.
			const none = await post('dsj', `${view()}${q}&/answerMany`, [
				['all', '1'],
				['disposition', 'adopted'],
				['reason', '采纳']
			]);
			expect(none.status).toBe(400);
		} else expect(seen.status).toBe(403);
		expect(
			query<{ d: string | null }>(
				'SELECT disposition AS d FROM comment_threads WHERE id = ?',
				hidden
			).d
		).toBeNull();
	});

	it('indexes a large backlog in the background, saying so, then finds all of it', async () => {
		const bodies = Array.from(
			{ length: 700 },
			(_, i) => `第${i}条：建议建设城市智能交通信号系统，缓解高峰拥堵，编号${i}。`
		);
		const clause = clausesOf((await answerView('')).html)[0];
		insertOpinions(clause, bodies, ['qiye']);
		const first = await answerView(`?q=${encodeURIComponent('信号')}`);
		expect(first.status).toBe(200);
		expect(first.html).toContain('正在为本轮意见建立检索索引');
		let last = first.html;
		for (let i = 0; i < 120 && last.includes('正在为本轮意见建立检索索引'); i++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			last = (await answerView(`?q=${encodeURIComponent('信号')}`)).html;
		}
		expect(last).not.toContain('正在为本轮意见建立检索索引');
		expect(matched(last)).toBe(700);
	});

	it('pages by 50 and answers all that match with a template, notifying every author', async () => {
		const clause = clausesOf((await answerView('')).html)[0];
		const authors = ['qiye', 'jumin', 'expert'] as const;
		const ids = insertOpinions(
			clause,
			Array.from({ length: 50 }, (_, i) => `意见${i}：建议公布政务服务的事项清单。`),
			authors
		);
		const q = `?q=${encodeURIComponent('清单')}&status=pending`;
		const page1 = await answerView(q);
		expect(matched(page1.html)).toBe(50);
		expect(page1.html.match(/data-testid="bulk-item"/g)).toHaveLength(50);
		const more = insertOpinions(clause, ['再一条：事项清单的说明要通俗。'], ['qiye']);
		const page2 = await answerView(`${q}&page=2`);
		expect(page2.html).toContain('第 2 / 2 页');
		expect(page2.html.match(/data-testid="bulk-item"/g)).toHaveLength(1);

		// One answered by hand gives the round's template; then all that match, with that reason.
		const TEMPLATE = '已纳入政务服务事项统一梳理。';
		expect(
			(
				await post('admin', `${view()}?/answerMany`, [
					['target', `t${more[0]}`],
					['disposition', 'adopted'],
					['reason', TEMPLATE]
				])
			).status
		).toBe(200);
		expect((await answerView(q)).html).toContain(`title="${TEMPLATE}"`);
		const inbox = (who: string) =>
			query<{ n: number }>(
				"SELECT count(*) AS n FROM notifications WHERE kind = 'answer' AND user_id = (SELECT id FROM users WHERE username = ?)",
				who
			).n;
		const before = authors.map(inbox);
		const audited = () =>
			query<{ n: number }>(
				"SELECT count(*) AS n FROM audit_log WHERE action = 'consultation.answered'"
			).n;
		const auditBefore = audited();
		const answered = await post('admin', `${view()}${q}&/answerMany`, [
			['all', '1'],
			['disposition', 'adopted'],
			['reason', TEMPLATE]
		]);
		expect(answered.status).toBe(200);
		expect(answered.html).toContain('已答复 50 条意见');
		const rows = all<{ d: string; r: string }>(
			`SELECT disposition AS d, disposition_reason AS r FROM comment_threads WHERE id IN (${ids.join(',')})`
		);
		expect(rows.every((r) => r.d === 'adopted' && r.r === TEMPLATE)).toBe(true);
		expect(authors.map(inbox).map((n, i) => n - before[i])).toEqual([17, 17, 16]);
		expect(audited() - auditBefore).toBe(50);
		expect(matched((await answerView(q)).html)).toBe(0);
	});

	it('searches from the stored index after a restart, rebuilding nothing', async () => {
		const stored = () =>
			query<{ n: number; first: number; last: number; words: number }>(
				`SELECT count(*) AS n, min(id) AS first, max(id) AS last,
				        (SELECT count(*) FROM consultation_opinion_fts) AS words
				 FROM consultation_opinion_index`
			);
		const before = stored();
		expect(before.n).toBeGreaterThan(750);
		await server.restart();
		const found = await answerView(`?q=${encodeURIComponent('数据')}`);
		expect(found.html).not.toContain('正在为本轮意见建立检索索引');
		expect(matched(found.html)).toBe(1);
		expect(matched((await answerView(`?q=${encodeURIComponent('信号')}`)).html)).toBe(700);
		expect(stored()).toEqual(before);
	});
});

/**
 * The 意见采纳情况说明 at volume (issue 15), against the real server: the page shows the whole
 * round's counts and its rows 100 a page with section and result filters; the DOCX keeps every row
 * and is built once per change of the round (report-file-cache.ts) — the same file again until an
 * opinion is added or answered, then rebuilt with it; a participant's own view is never shared.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openTestDb, testDatabase } from '../helpers/db.ts';
import { postFormPage } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';

const { server, cookies } = serverPerFile(['admin', 'jumin']);
const db = testDatabase(() => server);
const OPINIONS = 230;

const get = (path: string, who: 'admin' | 'jumin' = 'admin') =>
	fetch(`${server.url}${path}`, { headers: { cookie: cookies.get(who) ?? '' } });
const rowsOf = (html: string) => html.match(/data-row="t\d+"/g)?.length ?? 0;

describe('the round report at volume', () => {
	let base = '';
	let clauses: string[] = [];

	it('shows the counts for the whole round and the rows 100 a page', async () => {
		const published = await postFormPage(
			server.url,
			'/plans/1/workflow/overall?/publish',
			[
				['configured', '1'],
				['groups', 'government'],
				['groups', 'residents'],
				['days', '30']
			],
			cookies.get('admin')
		);
		expect(published.status).toBe(200);
		const round = db.query<{ id: number }>(
			"SELECT id FROM consultation_rounds WHERE plan_id = 1 AND activity = 'overall' ORDER BY id DESC LIMIT 1"
		);
		base = `/plans/1/rounds/${round.id}`;
		const author = db.query<{ id: number; org: number }>(
			"SELECT id, organization_id AS org FROM users WHERE username = 'dsj'"
		);
		clauses = ['7.2', '7.3'];
		// Written in one transaction on one connection, as the benchmark seeds its 10,000.
		const rw = openTestDb(server);
		try {
			const thread = rw.prepare(
				`INSERT INTO comment_threads (plan_id, clause, anchor_kind, fragment, anchor_start, anchor_end,
				 quote, author_id, round_id, stance, organization_id, participant_type, created_at)
				 VALUES (1, ?, 'text', 'body', '0', '4', '原文', ?, ?, 'suggest', ?, 'government', ?) RETURNING id`
			);
			const comment = rw.prepare(
				'INSERT INTO comments (thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?)'
			);
			rw.transaction(() => {
				for (let i = 0; i < OPINIONS; i++) {
					const at = Date.now() - (OPINIONS - i) * 1000;
					const t = thread.get(clauses[i % 2], author.id, round.id, author.org, at) as {
						id: number;
					};
					comment.run(t.id, author.id, `批量意见第${i + 1}条`, at);
				}
			})();
		} finally {
			rw.close();
		}
		db.write(
			`UPDATE comment_threads SET disposition = 'adopted', disposition_reason = '已采纳', disposition_at = ?
			 WHERE id IN (SELECT id FROM comment_threads WHERE round_id = ? ORDER BY id LIMIT 12)`,
			Date.now(),
			round.id
		);

		const first = await (await get(`${base}/report`)).text();
		expect(first).toContain(`共收到意见 ${OPINIONS} 条`);
		expect(rowsOf(first)).toBe(100);
		expect(first).toContain('data-testid="report-pages"');
		expect(first).toContain(`符合条件的意见 ${OPINIONS} 条，第 1 / 3 页`);
		const last = await (await get(`${base}/report?page=3`)).text();
		expect(rowsOf(last)).toBe(30);
		expect(last).toContain('批量意见第230条');
		// The counts stay whole on every page and under every filter.
		const adopted = await (await get(`${base}/report?status=adopted`)).text();
		expect(rowsOf(adopted)).toBe(12);
		expect(adopted).toContain(`共收到意见 ${OPINIONS} 条`);
		expect(adopted).not.toContain('data-testid="report-pages"');
		const section = await (await get(`${base}/report?clause=7.3&status=pending`)).text();
		expect(rowsOf(section)).toBe(100);
		expect(section).toContain('符合条件的意见 109 条');
		expect(section).not.toContain('批量意见第1条<');
		// A malformed filter is ignored, not an error.
		expect((await get(`${base}/report?status=bogus&page=x`)).status).toBe(200);
	});

	it('builds the DOCX once per change, with every row', async () => {
		const docx = async (who: 'admin' | 'jumin' = 'admin') => {
			const response = await get(`${base}/report.docx`, who);
			expect(response.status).toBe(200);
			const bytes = new Uint8Array(await response.arrayBuffer());
			const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
			return { cache: response.headers.get('x-lantu-cache'), xml, bytes };
		};
		const cold = await docx();
		expect(cold.cache).toBe('miss');
		expect(cold.xml.match(/批量意见第\d+条/g)).toHaveLength(OPINIONS);
		const warm = await docx();
		expect(warm.cache).toBe('hit');
		expect(Buffer.from(warm.bytes).equals(Buffer.from(cold.bytes))).toBe(true);

		// An answer through the real form: the next file has it.
		const thread = db.query<{ id: number }>(
			'SELECT id FROM comment_threads WHERE round_id = (SELECT id FROM consultation_rounds WHERE plan_id = 1 AND activity = ? ORDER BY id DESC LIMIT 1) AND disposition IS NULL ORDER BY id LIMIT 1',
			'overall'
		);
		const answered = await postFormPage(
			server.url,
			`${base}?/answer`,
			[
				['kind', 'thread'],
				['id', String(thread.id)],
				['disposition', 'rejected'],
				['reason', '与总体目标不一致，暂不采纳']
			],
			cookies.get('admin')
		);
		expect(answered.status).toBe(200);
		const after = await docx();
		expect(after.cache).toBe('miss');
		expect(after.xml).toContain('与总体目标不一致，暂不采纳');
		// A participant's own view is built for them, never taken from or put in the shared file.
		const own = await docx('jumin');
		expect(own.cache).toBe('none');
		expect(own.xml).not.toContain('批量意见第');
		expect((await docx()).cache).toBe('hit');
	});
});

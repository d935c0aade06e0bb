/**
 * Consultation rounds against the real server (issue 5): the round opened by publishing, refusals
 * outside the groups, the period or a closed round (each with its message), answers and 参与确认,
 * the 意见采纳情况说明 as CSV and DOCX, and the public link's proof of work, moderation and
 * per-address throttle; the public 采纳情况 and answering at volume (issue 15).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { VersionPayload } from '../../src/lib/workflow/version.ts';
import { frozenPassages, seedOpinions, solvedChallenge } from '../helpers/consultation.ts';
import { openTestDb, testDatabase } from '../helpers/db.ts';
import { postFormPage } from '../helpers/http.ts';
import { startServer } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';

const ACCOUNTS = ['admin', 'dsj', 'fgw', 'qiye', 'jumin', 'expert'] as const;
type Account = (typeof ACCOUNTS)[number];
const { server, cookies } = serverPerFile(ACCOUNTS);

/** Posts a form action as a browser without JavaScript; returns the status and the page's HTML. */
const post = (who: Account | null, path: string, fields: [string, string][]) =>
	postFormPage(server.url, path, fields, who ? cookies.get(who) : undefined);

const { query, all } = testDatabase(() => server);

const work = (publicPath: string) => solvedChallenge(server.url, publicPath);

function publish(activity: string, settings: [string, string][]) {
	return post('admin', `/plans/1/workflow/${activity}?/publish`, [
		['configured', '1'],
		...settings
	]);
}

interface Round {
	id: number;
	version_id: number;
	groups: string;
	days: number;
	short_reason: string | null;
	public_token: string | null;
	closed_at: number | null;
	close_reason: string | null;
	opinions_public: number;
}
const latestRound = (activity: string) =>
	query<Round>(
		'SELECT * FROM consultation_rounds WHERE plan_id = 1 AND activity = ? ORDER BY id DESC LIMIT 1',
		activity
	);

/** How many notices of `kind` a round sent (to `username`, when given). */
const notices = (kind: string, roundId: number, username?: string) =>
	query<{ n: number }>(
		`SELECT count(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id
		 WHERE n.kind = ? AND n.round_id = ? AND (CAST(? AS TEXT) IS NULL OR u.username = ?)`,
		kind,
		roundId,
		username ?? null,
		username ?? null
	).n;

/** The first commentable passage of a round's frozen version (a clause owned by `clause`). */
function passageOf(round: Round, clause?: string) {
	const { payload } = query<{ payload: string }>(
		'SELECT c.payload FROM activity_versions v JOIN version_contents c ON c.hash = v.hash WHERE v.id = ?',
		round.version_id
	);
	const passages = frozenPassages(JSON.parse(payload) as VersionPayload, 12, 1);
	const passage = passages.find((p) => !clause || p.clause === clause);
	if (passage) return passage;
	throw new Error('no passage in the frozen version');
}

function commentFields(
	p: ReturnType<typeof passageOf>,
	stance: string,
	body: string
): [string, string][] {
	return [
		['clause', p.clause],
		['part', p.part],
		['start', String(p.start)],
		['end', String(p.end)],
		['stance', stance],
		['body', body]
	];
}

describe('opening a round', () => {
	it('needs a stated reason for a period shorter than 30 days', async () => {
		const refused = await publish('roadmap', [
			['groups', 'residents'],
			['groups', 'experts'],
			['days', '15']
		]);
		expect(refused.status).toBe(400);
		expect(refused.html).toContain('征求意见期少于 30 日，请说明理由');
		expect(latestRound('roadmap')).toBeUndefined();

		const opened = await publish('roadmap', [
			['groups', 'residents'],
			['groups', 'experts'],
			['days', '15'],
			['shortReason', '配合年度预算编制时限']
		]);
		expect(opened.status).toBe(200);
		const round = latestRound('roadmap');
		expect(JSON.parse(round.groups)).toEqual(['residents', 'experts']);
		expect(round.days).toBe(15);
		expect(round.short_reason).toBe('配合年度预算编制时限');
		// Participants are told, and see the reason on the round page.
		expect(notices('round_opened', round.id, 'jumin')).toBe(1);
		const page = await fetch(`${server.url}/plans/1/rounds/${round.id}`, {
			headers: { cookie: cookies.get('jumin')! }
		});
		expect(await page.text()).toContain('配合年度预算编制时限');
	});
});

describe('commenting', () => {
	it('records the participant type and organization, and refuses groups not invited', async () => {
		const round = latestRound('roadmap');
		const p = passageOf(round, '9.2');
		const path = `/plans/1/rounds/${round.id}?/comment`;

		const enterprise = await post('qiye', path, commentFields(p, 'support', '企业意见'));
		expect(enterprise.status).toBe(403);
		expect(enterprise.html).toContain('不在本轮征求对象之列');

		const bad = await post('jumin', path, [
			...commentFields(p, 'suggest', '位置不对').filter(([k]) => k !== 'end'),
			['end', '999999']
		]);
		expect(bad.status).toBe(400);

		const ok = await post('jumin', path, commentFields(p, 'suggest', '建议增加社区养老服务内容'));
		expect(ok.status).toBe(200);
		const thread = query<{
			participant_type: string;
			organization: string;
			stance: string;
			quote: string;
			round_id: number;
		}>(
			`SELECT t.participant_type, o.name AS organization, t.stance, t.quote, t.round_id
			 FROM comment_threads t JOIN organizations o ON o.id = t.organization_id
			 WHERE t.round_id = ? ORDER BY t.id DESC LIMIT 1`,
			round.id
		);
		// Consultation comments stay out of the live draft's comment panel and counts.
		const live = await fetch(`${server.url}/api/plans/1/sections/9.2/comments`, {
			headers: { cookie: cookies.get('dsj')! }
		});
		const { threads } = (await live.json()) as { threads: { quote: string }[] };
		expect(threads.some((t) => t.quote === p.quote)).toBe(false);
		expect(thread).toEqual({
			participant_type: 'residents',
			organization: '示例市东城街道居民代表',
			stance: 'suggest',
			quote: p.quote,
			round_id: round.id
		});
	});

	it('refuses comments before the period starts', async () => {
		const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
		expect(
			(
				await publish('overall', [
					['groups', 'residents'],
					['days', '30'],
					['startsOn', tomorrow]
				])
			).status
		).toBe(200);
		const round = latestRound('overall');
		const refused = await post(
			'jumin',
			`/plans/1/rounds/${round.id}?/comment`,
			commentFields(passageOf(round), 'oppose', '提前提交')
		);
		expect(refused.status).toBe(409);
		expect(refused.html).toContain('本轮征求意见尚未开始');
	});

	it('refuses comments after the period ends, by the server clock', async () => {
		const round = latestRound('overall');
		// Move the period into the past (as if 30 days had gone by).
		const db = openTestDb(server);
		try {
			const day = 86_400_000;
			db.prepare('UPDATE consultation_rounds SET opens_at = ?, closes_at = ? WHERE id = ?').run(
				Date.now() - 31 * day,
				Date.now() - day,
				round.id
			);
		} finally {
			db.close();
		}
		const refused = await post(
			'jumin',
			`/plans/1/rounds/${round.id}?/comment`,
			commentFields(passageOf(round), 'oppose', '过期提交')
		);
		expect(refused.status).toBe(409);
		expect(refused.html).toContain('征求意见期已满');
	});
});

describe('answers and the report', () => {
	it('lets the owning department answer, notifies the commenter, who confirms', async () => {
		const round = latestRound('roadmap');
		const thread = query<{ id: number }>(
			'SELECT id FROM comment_threads WHERE round_id = ? ORDER BY id DESC LIMIT 1',
			round.id
		);
		const path = `/plans/1/rounds/${round.id}`;
		const answer: [string, string][] = [
			['kind', 'thread'],
			['id', String(thread.id)],
			['disposition', 'partial'],
			['reason', '养老服务纳入9.2重点任务，具体内容另行细化']
		];
		// 9.2 belongs to 大数据局 only.
		const fgw = await post('fgw', `${path}?/answer`, answer);
		expect(fgw.status).toBe(403);
		expect(fgw.html).toContain('只有该章节的负责部门或牵头单位管理员可以答复');
		expect((await post('dsj', `${path}?/answer`, answer.slice(0, 3))).status).toBe(400);
		expect((await post('dsj', `${path}?/answer`, answer)).status).toBe(200);

		const note = query<{ link: string; excerpt: string }>(
			"SELECT link, excerpt FROM notifications WHERE kind = 'answer' AND user_id = (SELECT id FROM users WHERE username = 'jumin') ORDER BY id DESC LIMIT 1"
		);
		expect(note.link).toBe(`/plans/1/rounds/${round.id}#c-t${thread.id}`);
		expect(note.excerpt).toContain('养老服务纳入');

		expect((await post('qiye', `${path}?/confirm`, [['id', String(thread.id)]])).status).toBe(403);
		expect((await post('jumin', `${path}?/confirm`, [['id', String(thread.id)]])).status).toBe(200);
		expect(
			query<{ seen: number | null }>(
				'SELECT answer_seen_at AS seen FROM comment_threads WHERE id = ?',
				thread.id
			).seen
		).not.toBeNull();
	});

	it('downloads the 意见采纳情况说明 as CSV with a BOM and as DOCX', async () => {
		const round = latestRound('roadmap');
		const base = `${server.url}/plans/1/rounds/${round.id}`;
		const csv = await fetch(`${base}/report.csv`, { headers: { cookie: cookies.get('jumin')! } });
		expect(csv.status).toBe(200);
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		expect(text).toContain('示例市东城街道居民代表,居民代表,建议,部分采纳');

		const docx = await fetch(`${base}/report.docx`, { headers: { cookie: cookies.get('dsj')! } });
		expect(docx.status).toBe(200);
		expect(docx.headers.get('content-type')).toContain('wordprocessingml');
		const files = unzipSync(new Uint8Array(await docx.arrayBuffer()));
		const xml = strFromU8(files['word/document.xml']);
		// (booleans, so a failure does not print the whole document)
		expect(xml.includes('意见采纳情况说明')).toBe(true);
		expect(xml.includes('建议增加社区养老服务内容')).toBe(true);
		expect(xml.includes('示例市东城街道居民代表（居民代表）')).toBe(true);
		expect(xml.includes('部分采纳')).toBe(true);
		expect(xml.includes('w:w="11906"')).toBe(true); // A4
		expect(strFromU8(files['word/styles.xml']).includes('仿宋_GB2312')).toBe(true);

		// The plan's own export carries the same answer in its 意见采纳情况说明 appendix.
		const exported = await fetch(`${server.url}/plans/1/export/md?edition=full&version=draft`, {
			headers: { cookie: cookies.get('dsj')! }
		});
		expect(exported.status).toBe(200);
		const markdown = await exported.text();
		const appendix = markdown.slice(markdown.lastIndexOf('意见采纳情况说明'));
		expect(appendix).toContain('实施路径规划第1轮征求意见');
		expect(appendix).toContain('建议增加社区养老服务内容');
		expect(appendix).toContain('示例市东城街道居民代表（居民代表，建议）');
		expect(appendix).toContain('部分采纳');

		// Not a member of plan 1's rounds from outside: no cookie, no report.
		const anonymous = await fetch(`${base}/report.csv`, { redirect: 'manual' });
		expect(anonymous.status).toBe(303);
	});

	it('refuses comments once the workflow closes the round', async () => {
		const round = latestRound('roadmap');
		// Before its planned end: refused without a reason, closed with one.
		const refusedClose = await post('admin', '/plans/1/workflow/roadmap?/closeConsultation', []);
		expect(refusedClose.status).toBe(400);
		expect(refusedClose.html).toContain('提前结束须填写理由');
		expect(latestRound('roadmap').closed_at).toBeNull();
		expect(
			(
				await post('admin', '/plans/1/workflow/roadmap?/closeConsultation', [
					['closeReason', '意见已充分收集']
				])
			).status
		).toBe(200);
		expect(latestRound('roadmap').closed_at).not.toBeNull();
		expect(latestRound('roadmap').close_reason).toBe('意见已充分收集');
		const audit = query<{ details: string }>(
			"SELECT details FROM audit_log WHERE action = 'consultation.closed' AND target = ?",
			`round:${round.id}`
		);
		expect(JSON.parse(audit.details)).toMatchObject({ early: true, reason: '意见已充分收集' });

		// Planned and actual period on the round page, the report page, its DOCX and CSV, the notice.
		const base = `${server.url}/plans/1/rounds/${round.id}`;
		const page = await (await fetch(base, { headers: { cookie: cookies.get('jumin')! } })).text();
		expect(page).toContain('征求意见期（计划）');
		expect(page).toContain('（提前结束，理由：意见已充分收集）');
		const reportPage = await (
			await fetch(`${base}/report`, { headers: { cookie: cookies.get('dsj')! } })
		).text();
		expect(reportPage).toContain('（提前结束，理由：意见已充分收集）');
		const csv = await (
			await fetch(`${base}/report.csv`, { headers: { cookie: cookies.get('dsj')! } })
		).text();
		expect(csv).toMatch(
			/征求意见期,计划 \d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日（\d+日）；实际 \d{4}年\d{1,2}月\d{1,2}日结束（提前结束，理由：意见已充分收集）/
		);
		const report = await fetch(`${base}/report.docx`, { headers: { cookie: cookies.get('dsj')! } });
		const xml = strFromU8(
			unzipSync(new Uint8Array(await report.arrayBuffer()))['word/document.xml']
		);
		expect(xml.includes('提前结束，理由：意见已充分收集')).toBe(true);
		const notice = query<{ excerpt: string }>(
			"SELECT excerpt FROM notifications WHERE kind = 'round_closed' AND round_id = ? LIMIT 1",
			round.id
		);
		expect(notice.excerpt).toContain('（提前结束，理由：意见已充分收集）');
		const exported = await (
			await fetch(`${server.url}/plans/1/export/md?edition=full&version=draft`, {
				headers: { cookie: cookies.get('dsj')! }
			})
		).text();
		expect(exported).toContain('提前结束，理由：意见已充分收集');
		const refused = await post(
			'jumin',
			`/plans/1/rounds/${round.id}?/comment`,
			commentFields(passageOf(round, '9.2'), 'support', '结束后提交')
		);
		expect(refused.status).toBe(409);
		expect(refused.html).toContain('本轮征求意见已结束');
		expect(notices('round_closed', round.id)).toBeGreaterThan(0);
	});
});

describe('the public link', () => {
	it('takes anonymous comments held for moderation, throttled per address', async () => {
		expect(
			(
				await publish('architecture', [
					['groups', 'enterprise'],
					['days', '30'],
					['publicLink', 'on']
				])
			).status
		).toBe(200);
		const round = latestRound('architecture');
		expect(round.public_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect((await fetch(`${server.url}/consult/not-a-real-token-aaaaaaaaaaaa`)).status).toBe(404);
		const url = `/consult/${round.public_token}`;
		expect((await fetch(`${server.url}${url}`)).status).toBe(200);

		const p = passageOf(round);
		const fields = (i: number): [string, string][] => [
			...commentFields(p, 'suggest', `公众意见 ${i}`),
			['name', `市民${i}`],
			['contact', '13800000000']
		];
		expect(
			(
				await post(
					null,
					`${url}?/comment`,
					fields(0).filter(([k]) => k !== 'name')
				)
			).status
		).toBe(400);
		// Without the proof of work, or with one already spent: refused.
		expect((await post(null, `${url}?/comment`, fields(1))).status).toBe(400);
		const once = await work(url);
		expect((await post(null, `${url}?/comment`, [...fields(1), ['altcha', once]])).status).toBe(
			200
		);
		const replay = await post(null, `${url}?/comment`, [...fields(2), ['altcha', once]]);
		expect(replay.status).toBe(400);
		expect(replay.html).toContain('安全验证未通过');
		for (let i = 2; i <= 5; i++)
			expect(
				(await post(null, `${url}?/comment`, [...fields(i), ['altcha', await work(url)]])).status
			).toBe(200);
		const flood = await post(null, `${url}?/comment`, [...fields(6), ['altcha', await work(url)]]);
		expect(flood.status).toBe(429);
		expect(flood.html).toContain('提交过于频繁');
		expect(
			query<{ n: number }>('SELECT count(*) AS n FROM public_comments WHERE round_id = ?', round.id)
				.n
		).toBe(5);

		// Held: not on the public page until approved.
		expect(await (await fetch(`${server.url}${url}`)).text()).not.toContain('公众意见 1');
		const [first, second] = all<{ id: number }>(
			'SELECT id FROM public_comments WHERE round_id = ? ORDER BY id',
			round.id
		);
		const moderate = `/plans/1/rounds/${round.id}?/moderate`;
		// Only the plan admin moderates; hiding needs a reason.
		const decisions: [Account, number, [string, string][], number][] = [
			['dsj', first.id, [['decision', 'approve']], 403],
			['admin', second.id, [['decision', 'hide']], 400],
			['admin', first.id, [['decision', 'approve']], 200],
			[
				'admin',
				second.id,
				[
					['decision', 'hide'],
					['reason', '含有个人信息']
				],
				200
			]
		];
		for (const [who, id, fields, status] of decisions) {
			const response = await post(who, moderate, [['id', String(id)], ...fields]);
			expect(response.status, `${who} ${JSON.stringify(fields)}`).toBe(status);
		}
		// 不公开 (the default): approved, answered later, but not shown while the round runs.
		expect(round.opinions_public).toBe(0);
		const hidden = await (await fetch(`${server.url}${url}`)).text();
		expect(hidden).not.toContain('公众意见 1');
		expect(hidden).toContain('意见采纳情况（征求意见结束后公布）');
		const results = `${server.url}/consult/results/${round.id}`;
		expect((await fetch(`${results}/adoption.json`)).status).toBe(404);
		expect((await fetch(`${results}/adoption.csv`)).status).toBe(404);
		const asParticipant = () =>
			fetch(`${server.url}/plans/1/rounds/${round.id}`, {
				headers: { cookie: cookies.get('qiye') ?? '' }
			}).then((r) => r.text());
		expect(await asParticipant()).not.toContain('公众意见 1');

		// 公开: only the plan admin switches it; then every read path shows the opinion, masked.
		const openness = `/plans/1/rounds/${round.id}?/openness`;
		expect((await post('dsj', openness, [['opinionsPublic', 'public']])).status).toBe(403);
		expect((await post('admin', openness, [['opinionsPublic', 'public']])).status).toBe(200);
		const page = await (await fetch(`${server.url}${url}`)).text();
		expect(page).toContain('公众意见 1');
		expect(page).toContain('市**');
		expect(page).not.toContain('市民1');
		expect(page).not.toContain('公众意见 2');
		expect(page).not.toContain('13800000000');
		const published = (await (await fetch(`${results}/adoption.json`)).json()) as {
			rows: { who: string; body: string }[];
		};
		expect(published.rows.map((r) => [r.who, r.body])).toContainEqual(['市**', '公众意见 1']);
		const csv = await (await fetch(`${results}/adoption.csv`)).text();
		expect(csv).toContain('公众意见 1');
		expect(csv).not.toContain('市民1');
		expect(await (await fetch(results)).text()).toContain('本轮征求意见仍在进行');
		const participantView = await asParticipant();
		expect(participantView).toContain('公众意见 1');
		expect(participantView).not.toContain('市民1');

		// Back to 不公开: every path closes again.
		expect((await post('admin', openness, [['opinionsPublic', 'private']])).status).toBe(200);
		expect(await (await fetch(`${server.url}${url}`)).text()).not.toContain('公众意见 1');
		expect((await fetch(`${results}/adoption.csv`)).status).toBe(404);
		expect(await asParticipant()).not.toContain('公众意见 1');
		const switched = all<{ details: string }>(
			"SELECT details FROM audit_log WHERE action = 'consultation.openness_changed' AND target = ?",
			`round:${round.id}`
		).map((a) => JSON.parse(a.details) as { from: boolean; to: boolean });
		expect(switched).toEqual([
			{ from: false, to: true },
			{ from: true, to: false }
		]);

		const audited = all<{ action: string }>(
			"SELECT action FROM audit_log WHERE action LIKE 'consultation.public%' AND target = ?",
			`round:${round.id}`
		).map((a) => a.action);
		expect(audited.filter((a) => a === 'consultation.public_submitted')).toHaveLength(5);
		expect(audited.filter((a) => a === 'consultation.public_moderated')).toHaveLength(2);
	});

	it('accepts a proof of work signed by another instance sharing the database', async () => {
		const round = latestRound('architecture');
		const url = `/consult/${round.public_token}`;
		const p = passageOf(round);
		// A second server on the same database: the challenge comes from one, the answer goes to
		// the other (as behind a load balancer, or across a restart).
		const other = await startServer({ dataDir: server.dataDir, seed: false });
		try {
			const payload = await work(url);
			const response = await fetch(`${other.url}${url}?/comment`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					origin: other.url,
					accept: 'text/html'
				},
				body: new URLSearchParams([
					...commentFields(p, 'suggest', '另一实例收到的意见'),
					['name', '钱先生'],
					['altcha', payload]
				])
			});
			const html = await response.text();
			// Past the proof of work; the address's limit (kept in the same database) then refuses.
			expect(html).not.toContain('安全验证未通过');
			expect(response.status).toBe(429);
			expect(html).toContain('提交过于频繁');
		} finally {
			await other.stop();
		}
	});
});

describe('the public 采纳情况', () => {
	const get = (path: string, who?: Account) =>
		fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies.get(who) ?? '' } : {} });

	it('waits for the end of a round, then publishes every opinion with people masked', async () => {
		const running = latestRound('architecture');
		const pending = await get(`/consult/results/${running.id}`);
		expect(pending.status).toBe(200);
		expect(await pending.text()).toContain('本轮征求意见尚未结束');
		expect((await get(`/consult/results/${running.id}/adoption.csv`)).status).toBe(404);
		expect((await get('/consult/results/999999')).status).toBe(404);

		// The roadmap round is closed: jumin's (居民代表) opinion, answered 部分采纳 by 大数据局.
		const closed = latestRound('roadmap');
		const page = await get(`/consult/results/${closed.id}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('共征集意见1条，采纳1条（其中部分采纳1条），未采纳0条');
		expect(html).toContain('郑**');
		expect(html).not.toContain('郑阿姨');
		expect(html).not.toContain('示例市东城街道居民代表');
		expect(html).toContain('建议增加社区养老服务内容');
		expect(html).toContain('养老服务纳入9.2重点任务');
		expect(html).toContain('示例市大数据局');

		const csv = await (await get(`/consult/results/${closed.id}/adoption.csv`)).text();
		const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(header).toBe('序号,章节,原文,反馈人,意见内容,处理结果,理由,受理日期,答复日期,答复部门');
		expect(row).toMatch(
			/^1,9\.2,.*,郑\*\*,建议增加社区养老服务内容,部分采纳,.*,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},示例市大数据局$/
		);

		const data = (await (await get(`/consult/results/${closed.id}/adoption.json`)).json()) as {
			counts: { total: number; adopted: number; partial: number; rejected: number };
			fields: { key: string; title: string; description: string }[];
			rows: { who: string }[];
		};
		expect(data.fields.map((f) => f.title)).toContain('答复部门');
		expect(data.fields.every((f) => f.description.length > 0)).toBe(true);
		expect(data.rows.map((r) => r.who)).toEqual(['郑**']);

		// The counts are the internal report's.
		const report = await (await get(`/plans/1/rounds/${closed.id}/report.csv`, 'admin')).text();
		const internalRows = report
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n')
			.slice(1);
		expect(internalRows.filter((r) => r.includes('部分采纳')).length).toBeGreaterThanOrEqual(
			data.counts.partial
		);
		expect(data.counts).toMatchObject({ total: 1, adopted: 1, partial: 1, rejected: 0 });
	});

	it('is linked from the plan’s public page and the public round page', async () => {
		const closed = latestRound('roadmap');
		const running = latestRound('architecture');
		const plan = await get('/consult/plans/1');
		expect(plan.status).toBe(200);
		const html = await plan.text();
		expect(html).toContain(`/consult/results/${closed.id}`);
		expect(html).toContain(`/consult/${running.public_token}`);
		expect((await get('/consult/plans/999999')).status).toBe(404);
		const round = await (await get(`/consult/${running.public_token}`)).text();
		expect(round).toContain('/consult/plans/1');
		expect(round).toContain('意见采纳情况（征求意见结束后公布）');
	});

	it('shows a participant the internal report as the public sees it', async () => {
		const closed = latestRound('roadmap');
		// 大数据局 answers for 9.2: the whole report, with the organization.
		const full = await (await get(`/plans/1/rounds/${closed.id}/report`, 'dsj')).text();
		expect(full).toContain('示例市东城街道居民代表');
		// The author sees their own opinion as it is.
		const own = await (await get(`/plans/1/rounds/${closed.id}/report`, 'jumin')).text();
		expect(own).toContain('示例市东城街道居民代表');
		// Another participant sees it masked, as on the public page.
		const other = await (await get(`/plans/1/rounds/${closed.id}/report`, 'qiye')).text();
		expect(other).toContain('建议增加社区养老服务内容');
		expect(other).toContain('郑**');
		expect(other).not.toContain('示例市东城街道居民代表');
	});
});

describe('answering at volume', () => {
	const REASON = '已在总体架构中统筹考虑，不单独列出。';
	const LONG = `${'建议加强各部门之间的协同，'.repeat(250)}最后，建议推进政务数据共享，打通部门壁垒。`;

	it('finds 数据 in a long opinion and answers 50 at once, notifying every author', async () => {
		const round = latestRound('architecture');
		const p = passageOf(round);
		const author = query<{ id: number; org: number }>(
			"SELECT id, organization_id AS org FROM users WHERE username = 'qiye'"
		);
		// 50 enterprise opinions, written straight into the database (the per-user limit is for people).
		seedOpinions(
			server,
			Array.from({ length: 50 }, (_, i) => ({
				roundId: round.id,
				passage: p,
				author,
				type: 'enterprise',
				body: i === 7 ? LONG : `企业意见第${i}条：建议明确平台建设的责任分工。`
			}))
		);
		const view = `/plans/1/rounds/${round.id}/answer`;
		const page = (query: string, who: Account = 'admin') =>
			fetch(`${server.url}${view}${query}`, { headers: { cookie: cookies.get(who) ?? '' } });

		// Participants do not answer.
		expect((await page('', 'qiye')).status).toBe(403);

		const found = await (await page(`?q=${encodeURIComponent('数据')}`)).text();
		expect(found).toContain('符合筛选条件 1 条');
		expect(found).toContain('推进政务数据共享');
		const pending = await (await page('?status=pending&type=enterprise')).text();
		expect(pending).toContain('符合筛选条件 50 条');

		const threads = all<{ id: number }>(
			"SELECT id FROM comment_threads WHERE round_id = ? AND participant_type = 'enterprise' ORDER BY id",
			round.id
		);
		expect(threads).toHaveLength(50);
		const before = query<{ n: number }>(
			"SELECT count(*) AS n FROM notifications WHERE kind = 'answer' AND user_id = ?",
			author.id
		).n;

		// One refusal and none is answered.
		const refused = await post('admin', `${view}?/answerMany`, [
			['target', `t${threads[0].id}`],
			['target', 't999999'],
			['disposition', 'rejected'],
			['reason', REASON]
		]);
		expect(refused.status).toBe(404);
		expect(
			query<{ d: string | null }>(
				'SELECT disposition AS d FROM comment_threads WHERE id = ?',
				threads[0].id
			).d
		).toBeNull();

		const answered = await post('admin', `${view}?/answerMany`, [
			...threads.map((t): [string, string] => ['target', `t${t.id}`]),
			['disposition', 'rejected'],
			['reason', REASON]
		]);
		expect(answered.status).toBe(200);
		expect(
			query<{ n: number }>(
				'SELECT count(*) AS n FROM comment_threads WHERE round_id = ? AND disposition = ? AND disposition_reason = ?',
				round.id,
				'rejected',
				REASON
			).n
		).toBe(50);
		expect(
			query<{ n: number }>(
				"SELECT count(*) AS n FROM notifications WHERE kind = 'answer' AND user_id = ?",
				author.id
			).n - before
		).toBe(50);
		expect(
			query<{ n: number }>(
				"SELECT count(*) AS n FROM audit_log WHERE action = 'consultation.answered' AND target = ?",
				`round:${round.id}`
			).n
		).toBeGreaterThanOrEqual(50);

		// The reason is offered as this round's template; the pending filter is empty of them now.
		const after = await (await page('?status=pending&type=enterprise')).text();
		expect(after).toContain('符合筛选条件 0 条');
		expect(after).toContain('没有符合条件的意见');
		const templates = await (await page('')).text();
		expect(templates).toContain(`title="${REASON}"`);
	});

	it('groups near-duplicates; one 合并处理 answer reaches every member of the group', async () => {
		const round = latestRound('architecture');
		const p = passageOf(round);
		const CAMPAIGN =
			'强烈建议在东城街道建设一座社区养老服务中心，解决老年人就近养老的问题，方便居民。';
		const authors = all<{ id: number; org: number }>(
			"SELECT id, organization_id AS org FROM users WHERE username IN ('qiye', 'jumin', 'expert') ORDER BY id"
		);
		const ids = seedOpinions(
			server,
			authors.map((author, i) => ({
				roundId: round.id,
				passage: p,
				author,
				type: 'enterprise',
				body: [CAMPAIGN, CAMPAIGN.replace('强烈', ''), `${CAMPAIGN}谢谢！`][i]
			}))
		);
		const view = `/plans/1/rounds/${round.id}/answer`;
		const found = await (
			await fetch(`${server.url}${view}?q=${encodeURIComponent('养老')}`, {
				headers: { cookie: cookies.get('admin') ?? '' }
			})
		).text();
		const groups = [...found.matchAll(/href="\?group=(\d+)"/g)].map((m) => m[1]);
		expect(groups).toHaveLength(3);
		expect(new Set(groups).size).toBe(1);
		const group = await (
			await fetch(`${server.url}${view}?group=${groups[0]}`, {
				headers: { cookie: cookies.get('admin') ?? '' }
			})
		).text();
		expect(group).toContain('符合筛选条件 3 条');
		expect(group).toContain('合并处理');

		const answered = await post('admin', `${view}?/answerMany`, [
			...ids.map((id): [string, string] => ['target', `t${id}`]),
			['merged', '1'],
			['disposition', 'adopted'],
			['reason', '社区养老服务中心已列入重点工程。']
		]);
		expect(answered.status).toBe(200);
		for (const [i, id] of ids.entries()) {
			expect(
				query<{ reason: string }>(
					'SELECT disposition_reason AS reason FROM comment_threads WHERE id = ?',
					id
				).reason
			).toBe('（合并处理）社区养老服务中心已列入重点工程。');
			expect(
				query<{ n: number }>(
					"SELECT count(*) AS n FROM notifications WHERE kind = 'answer' AND user_id = ? AND thread_id = ?",
					authors[i].id,
					id
				).n
			).toBe(1);
		}
	});
});

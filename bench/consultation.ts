/**
 * Consultation benchmark (issue 15): one round of the demo plan holding 10,000 opinions, written
 * straight into the real server's SQLite (members' opinions from every participant type, approved
 * public-link ones, campaigns of near-duplicates, a few 4,000-character ones), then measured over
 * HTTP as users meet it:
 *
 * - the 意见采纳情况说明 page, its DOCX and CSV (target ≤ 3 s each), and the public 采纳情况 page;
 * - the answer view: the first load (which starts the one-time backfill of the stored search
 *   index: the opinions were written straight into SQLite), the backfill of 10,000, the first
 *   load after a restart, then p50/p95 of filters and word searches (target p95 ≤ 100 ms);
 * - a bulk answer of 1,000 opinions;
 * - 200 concurrent anonymous readers of the public round page (a 公开 round: it lists opinions)
 *   against the same bytes served as a static file by a Node process (bench/servers/static-file.ts,
 *   as adapter-node serves client assets), with autocannon: req/s and p99, as ratios (target:
 *   within 3× of static).
 *
 * `node bench/consultation.ts` or `npm run bench -- consultation` runs it alone (`--quick`: 5 s
 * of load instead of 10).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import type { VersionPayload } from '../src/lib/workflow/version.ts';
import { frozenPassages, opinionWriter } from '../tests/helpers/consultation.ts';
import { login, postForm } from '../tests/helpers/http.ts';
import { freePort, ROOT, startServer, type TestServer } from '../tests/helpers/server.ts';
import { SERVER_ENTRY } from '../server/node-flags.ts';

export const OPINIONS = 10_000;
const PUBLIC_SHARE = 0.2;
const BULK = 1000;
const STATIC_NAME = 'lantu-bench-consultation-round.html';
const step = (text: string) => console.error(`[consultation] ${text}`);

export interface ConsultationBench {
	opinions: number;
	/** `docx`: warm (the file kept for the round); `docxCold`: the first request after a change. */
	reportMs: { page: number; docx: number; docxCold: number; csv: number; publicResults: number };
	reportBytes: { page: number; docx: number; csv: number; publicResults: number };
	answerViewFirstMs: number;
	/** The one-time backfill of the stored search index (opinions written outside the server). */
	indexMs: number;
	/** The first answer view after a restart (nothing rebuilt: the index is stored). */
	afterRestartMs: number;
	/** 1-minute load average when the answer view was measured (the machine may be shared). */
	answerLoad: number;
	filter: { p50: number; p95: number; samples: number };
	search: { p50: number; p95: number; samples: number };
	/** The same views as the browser fetches them after the first page (SvelteKit's data request). */
	filterData: { p50: number; p95: number; samples: number };
	searchData: { p50: number; p95: number; samples: number };
	/** A page that does next to nothing (/inbox, empty), timed in the same minutes: the floor. */
	floor: { p50: number; p95: number; samples: number };
	bulkMs: number;
	readers: {
		connections: number;
		seconds: number;
		bytes: number;
		lantu: { rps: number; p99: number; errors: number };
		static: { rps: number; p99: number; errors: number };
		/** The page's first request after a change (rendered, then kept), median of 3. */
		coldMs: number;
	};
	/** The 1-minute load average when each figure was taken (the machine may be shared). */
	load: { report: number; docx: number; readers: number };
}

/** A small deterministic generator: the same opinions on every run. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const OPENINGS = ['建议', '希望', '我们认为应当', '请考虑', '关于本节，建议', '强烈建议'];
const TOPICS = [
	'加快推进政务数据共享，打通部门之间的壁垒',
	'在社区层面建设便民服务站点，方便老年人办事',
	'明确平台建设和运营的责任分工',
	'加强网络安全和个人信息保护',
	'统筹各区县的建设进度，避免重复投资',
	'将智慧交通纳入近期重点任务',
	'对企业开放更多公共数据，支持创新应用',
	'细化考核指标，使各阶段目标可以核对',
	'建立城市运行管理服务平台的长效运维机制',
	'保障资金投入，明确财政与社会资本的分担方式'
];
const DETAILS = [
	'目前各部门系统分散，群众办事需要重复提交材料。',
	'现有方案对基层的人员和经费考虑不足。',
	'外地城市已有成熟做法，可以借鉴。',
	'建议在实施路径中写明时间节点和牵头单位。',
	'相关内容与上位规划的衔接还需要加强。'
];
/** Campaign texts sent many times with small changes: the duplicate groups. */
const CAMPAIGNS = Array.from(
	{ length: 20 },
	(_, i) =>
		`强烈建议在第${i + 1}片区建设一座综合性社区服务中心，配套养老、托育和便民服务，解决居民就近办事难的问题。`
);
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];

function opinionText(rnd: () => number, i: number): string {
	if (i % 8 === 3) {
		// Near-duplicate: a campaign text with a signature or a short addition.
		const base = CAMPAIGNS[Math.floor(rnd() * CAMPAIGNS.length)];
		return rnd() < 0.5 ? base : `${base}（居民${Math.floor(rnd() * 900) + 100}）`;
	}
	if (i % 997 === 0) return `${'建议加强各部门之间的协同，'.repeat(300)}`.slice(0, 4000);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const parts = [`${pick(OPENINGS)}${pick(TOPICS)}。`];
	const extra = Math.floor(rnd() * 6);
	for (let k = 0; k < extra; k++) parts.push(pick(DETAILS));
	return parts.join('');
}

/** Publishes 总体架构设计 as a 公开 round with a public link, every participant type invited. */
export async function openRound(server: TestServer, admin: string) {
	const response = await postForm(
		server.url,
		'/plans/1/workflow/architecture?/publish',
		[
			['configured', '1'],
			...['government', 'enterprise', 'residents', 'experts'].map((g): [string, string] => [
				'groups',
				g
			]),
			['days', '30'],
			['publicLink', 'on'],
			['opinionsPublic', 'public']
		],
		admin
	);
	if (response.status !== 200) throw new Error(`publish failed: ${response.status}`);
	const db = new Database(server.databasePath, { readonly: true });
	try {
		return db
			.prepare(
				"SELECT id, version_id AS versionId, public_token AS token FROM consultation_rounds WHERE plan_id = 1 AND activity = 'architecture' ORDER BY id DESC LIMIT 1"
			)
			.get() as { id: number; versionId: number; token: string };
	} finally {
		db.close();
	}
}

/** Writes the opinions in one transaction (a few seconds, not the form's limits). */
export function seedOpinions(databasePath: string, round: { id: number; versionId: number }) {
	const db = new Database(databasePath);
	try {
		const { payload } = db
			.prepare(
				'SELECT c.payload FROM activity_versions v JOIN version_contents c ON c.hash = v.hash WHERE v.id = ?'
			)
			.get(round.versionId) as { payload: string };
		const version = JSON.parse(payload) as VersionPayload;
		const passages = frozenPassages(version, 16, 3);
		const authors = db
			.prepare(
				`SELECT u.id, u.organization_id AS org, o.type FROM users u JOIN organizations o ON o.id = u.organization_id
				 JOIN plan_members m ON m.user_id = u.id AND m.plan_id = 1`
			)
			.all() as { id: number; org: number; type: string }[];
		const add = opinionWriter(db);
		const open = db.prepare(
			`INSERT INTO public_comments (round_id, clause, part, start_offset, end_offset, quote, stance,
			 body, name, contact, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'approved', ?)`
		);
		const rnd = random(15);
		const stances = ['support', 'oppose', 'suggest', 'suggest'];
		const start = Date.now() - OPINIONS * 1000;
		db.transaction(() => {
			for (let i = 0; i < OPINIONS; i++) {
				const p = passages[Math.floor(rnd() * passages.length)];
				const stance = stances[Math.floor(rnd() * stances.length)];
				const body = opinionText(rnd, i);
				const at = start + i * 1000;
				if (rnd() < PUBLIC_SHARE) {
					const name = `${SURNAMES[Math.floor(rnd() * SURNAMES.length)]}先生`;
					open.run(round.id, p.clause, p.part, p.start, p.end, p.quote, stance, body, name, at);
					continue;
				}
				const author = authors[Math.floor(rnd() * authors.length)];
				const type = author.type === 'government' ? 'government' : author.type;
				add({ roundId: round.id, passage: p, author, type, stance, body, at });
			}
		})();
		return passages.map((p) => p.clause);
	} finally {
		db.close();
	}
}

async function timed(url: string, cookie?: string): Promise<{ ms: number; bytes: number }> {
	const start = performance.now();
	const response = await fetch(url, { headers: cookie ? { cookie } : {} });
	const body = new Uint8Array(await response.arrayBuffer());
	const ms = performance.now() - start;
	if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
	return { ms, bytes: body.length };
}

/** Median of `runs` after one warm-up. */
async function median(url: string, cookie: string | undefined, runs = 3) {
	await timed(url, cookie);
	const results = [];
	for (let i = 0; i < runs; i++) results.push(await timed(url, cookie));
	results.sort((a, b) => a.ms - b.ms);
	return results[Math.floor(runs / 2)];
}

/**
 * Median of `runs` first requests after a change of the round: `change` raises the round's revision
 * (as any opinion, answer or moderation does), so a cached page or file is built again.
 */
async function coldMedian(url: string, cookie: string | undefined, change: () => void, runs = 3) {
	const results = [];
	for (let i = 0; i < runs; i++) {
		change();
		results.push(await timed(url, cookie));
	}
	results.sort((a, b) => a.ms - b.ms);
	return results[Math.floor(runs / 2)];
}

const loadAverage = () => os.loadavg()[0];

function percentiles(samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
	return { p50: at(0.5), p95: at(0.95), samples: sorted.length };
}

async function load(url: string, connections: number, seconds: number) {
	const result = await autocannon({ url, connections, duration: seconds });
	return {
		rps: result.requests.average,
		p99: result.latency.p99,
		errors: result.errors + result.non2xx
	};
}

export async function measureConsultation(
	options: { seconds?: number } = {}
): Promise<ConsultationBench> {
	const seconds = options.seconds ?? 10;
	const server = await startServer();
	const staticFile = path.join(os.tmpdir(), `${process.pid}-${STATIC_NAME}`);
	try {
		const admin = await login(server.url, 'admin');
		const round = await openRound(server, admin);
		step(`round ${round.id} open; writing ${OPINIONS} opinions`);
		const clauses = [...new Set(seedOpinions(server.databasePath, round))];
		step('report page, DOCX, CSV');
		const base = `${server.url}/plans/1/rounds/${round.id}`;

		// Any write to the round's opinions raises its revision (drizzle/0024_round_revisions.sql).
		const change = () => {
			const rw = new Database(server.databasePath);
			try {
				rw.prepare(
					'UPDATE consultation_round_revisions SET revision = revision + 1 WHERE round_id = ?'
				).run(round.id);
			} finally {
				rw.close();
			}
		};
		const reportLoad = loadAverage();
		const page = await median(`${base}/report`, admin);
		const docxLoad = loadAverage();
		const docxCold = await coldMedian(`${base}/report.docx`, admin, change);
		const docx = await median(`${base}/report.docx`, admin);
		const csv = await median(`${base}/report.csv`, admin);
		const publicResults = await median(`${server.url}/consult/results/${round.id}`, undefined);
		step(
			`report ${page.ms.toFixed(0)} ms, DOCX cold ${docxCold.ms.toFixed(0)} ms, warm ${docx.ms.toFixed(0)} ms, CSV ${csv.ms.toFixed(0)} ms, public ${publicResults.ms.toFixed(0)} ms`
		);

		step('answer view');
		// The first load finds 10,000 opinions written outside the server and starts indexing them
		// in the background (once); it says so until done.
		const answer = `${base}/answer`;
		const answerViewFirstMs = (await timed(answer, admin)).ms;
		const indexStart = performance.now();
		for (;;) {
			const res = await fetch(answer, { headers: { cookie: admin } });
			if (!(await res.text()).includes('data-testid="bulk-indexing"')) break;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const indexMs = performance.now() - indexStart + answerViewFirstMs;
		step(`indexed in ${indexMs.toFixed(0)} ms; restarting`);
		await server.restart();
		const afterRestartMs = (await timed(answer, admin)).ms;
		const answerLoad = os.loadavg()[0];
		const filters = [
			'?status=pending',
			'?type=enterprise',
			'?type=public&stance=oppose',
			`?clause=${clauses[0]}`,
			`?clause=${clauses[clauses.length - 1]}&status=pending`,
			'?stance=support',
			'?group=1',
			'?group=2&status=pending'
		];
		const searches = ['数据', '养老', '平台 建设', '网络安全', '考核指标', '社区服务中心', '财政'];
		const filterSamples: number[] = [];
		const searchSamples: number[] = [];
		const filterData: number[] = [];
		const searchData: number[] = [];
		const floor: number[] = [];
		const data = (query: string) =>
			`${answer}/__data.json${query ? `${query}&` : '?'}x-sveltekit-invalidated=01`;
		for (let r = 0; r < 5; r++) {
			for (const f of filters) {
				filterSamples.push((await timed(`${answer}${f}`, admin)).ms);
				filterData.push((await timed(data(f), admin)).ms);
			}
			for (const q of searches) {
				const query = `?q=${encodeURIComponent(q)}`;
				searchSamples.push((await timed(`${answer}${query}`, admin)).ms);
				searchData.push((await timed(data(query), admin)).ms);
				floor.push((await timed(`${server.url}/inbox`, admin)).ms);
			}
		}

		step('bulk answer');
		// A bulk answer of 1,000 pending opinions, as the answer view's form posts it.
		const db = new Database(server.databasePath, { readonly: true });
		const targets = (
			db
				.prepare(
					'SELECT id FROM comment_threads WHERE round_id = ? AND disposition IS NULL ORDER BY id LIMIT ?'
				)
				.all(round.id, BULK) as { id: number }[]
		).map((t) => `t${t.id}`);
		db.close();
		const fields: [string, string][] = [
			...targets.map((t): [string, string] => ['target', t]),
			['disposition', 'rejected'],
			['reason', '已在总体架构中统筹考虑，不单独列出。']
		];
		const bulkStart = performance.now();
		const bulk = await postForm(
			server.url,
			`/plans/1/rounds/${round.id}/answer?/answerMany`,
			fields,
			admin
		);
		await bulk.arrayBuffer();
		const bulkMs = performance.now() - bulkStart;
		if (bulk.status !== 200) throw new Error(`bulk answer: HTTP ${bulk.status}`);

		step('200 readers');
		// The public round page against its own bytes as a static file (bench/servers/static-file.ts).
		const publicUrl = `${server.url}/consult/${round.token}`;
		const readersLoad = loadAverage();
		const cold = await coldMedian(publicUrl, undefined, change);
		const bytes = Buffer.from(await (await fetch(publicUrl)).arrayBuffer());
		fs.writeFileSync(staticFile, bytes);
		const port = await freePort();
		const baseline = fork(path.join(ROOT, 'bench/servers/static-file.ts'), [], {
			env: { ...process.env, PORT: String(port), STATIC_FILE: staticFile },
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		let stat: Awaited<ReturnType<typeof load>>;
		let lantu: Awaited<ReturnType<typeof load>>;
		try {
			await new Promise<void>((resolve, reject) => {
				baseline.once('message', () => resolve());
				baseline.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
			});
			const staticUrl = `http://127.0.0.1:${port}/`;
			const check = await fetch(staticUrl);
			if ((await check.arrayBuffer()).byteLength !== bytes.length)
				throw new Error('the static copy differs');
			await load(publicUrl, 50, 2); // warm-up of both
			await load(staticUrl, 50, 2);
			lantu = await load(publicUrl, 200, seconds);
			stat = await load(staticUrl, 200, seconds);
		} finally {
			const exited = new Promise((resolve) => baseline.once('exit', resolve));
			baseline.kill('SIGTERM');
			await exited;
		}

		return {
			opinions: OPINIONS,
			reportMs: {
				page: page.ms,
				docx: docx.ms,
				docxCold: docxCold.ms,
				csv: csv.ms,
				publicResults: publicResults.ms
			},
			reportBytes: {
				page: page.bytes,
				docx: docx.bytes,
				csv: csv.bytes,
				publicResults: publicResults.bytes
			},
			answerViewFirstMs,
			indexMs,
			afterRestartMs,
			answerLoad,
			filter: percentiles(filterSamples),
			search: percentiles(searchSamples),
			filterData: percentiles(filterData),
			searchData: percentiles(searchData),
			floor: percentiles(floor),
			bulkMs,
			readers: {
				connections: 200,
				seconds,
				bytes: bytes.length,
				lantu,
				static: stat,
				coldMs: cold.ms
			},
			load: { report: reportLoad, docx: docxLoad, readers: readersLoad }
		};
	} finally {
		fs.rmSync(staticFile, { force: true });
		await server.stop();
	}
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const la = (n: number) => n.toFixed(1);

export function consultationSummary(r: ConsultationBench): string {
	const { lantu, static: stat } = r.readers;
	return [
		`Consultation, one round with ${r.opinions.toLocaleString('en')} opinions:`,
		`| measure | result | target |`,
		`| --- | --- | --- |`,
		`| 意见采纳情况说明 page, first of its pages (load ${la(r.load.report)}) | ${ms(r.reportMs.page)} (${kib(r.reportBytes.page)}) | ≤ 3 s |`,
		`| its DOCX, cold: first request after a change (load ${la(r.load.docx)}) | ${ms(r.reportMs.docxCold)} (${kib(r.reportBytes.docx)}) | ≤ 3 s |`,
		`| its DOCX, warm: kept for the round until the next change | ${ms(r.reportMs.docx)} | — |`,
		`| its CSV | ${ms(r.reportMs.csv)} (${kib(r.reportBytes.csv)}) | ≤ 3 s |`,
		`| public 采纳情况 page | ${ms(r.reportMs.publicResults)} (${kib(r.reportBytes.publicResults)}) | — |`,
		`| answer view, first load (starts the one-time index backfill) | ${ms(r.answerViewFirstMs)} | — |`,
		`| one-time backfill of the stored search index | ${ms(r.indexMs)} | — |`,
		`| answer view, first load after a restart | ${ms(r.afterRestartMs)} (load ${r.answerLoad.toFixed(1)}) | — |`,
		`| answer view, filter p50 / p95 (${r.filter.samples}): page / data request | ${ms(r.filter.p50)} / ${ms(r.filter.p95)}; ${ms(r.filterData.p50)} / ${ms(r.filterData.p95)} | p95 ≤ 100 ms |`,
		`| answer view, word search p50 / p95 (${r.search.samples}): page / data request | ${ms(r.search.p50)} / ${ms(r.search.p95)}; ${ms(r.searchData.p50)} / ${ms(r.searchData.p95)} | p95 ≤ 100 ms |`,
		`| a bare page (/inbox) at the same time, p50 / p95 (${r.floor.samples}) | ${ms(r.floor.p50)} / ${ms(r.floor.p95)} | — |`,
		`| bulk answer of ${BULK} | ${ms(r.bulkMs)} | — |`,
		`| public round page, cold: first request after a change (load ${la(r.load.readers)}) | ${ms(r.readers.coldMs)} | — |`,
		`| public round page, warm, ${r.readers.connections} readers, ${r.readers.seconds} s (${kib(r.readers.bytes)}) | ${lantu.rps.toFixed(0)} req/s, p99 ${ms(lantu.p99)}, ${lantu.errors} errors | — |`,
		`| the same bytes as a static file | ${stat.rps.toFixed(0)} req/s, p99 ${ms(stat.p99)}, ${stat.errors} errors | — |`,
		`| static / page | ${(stat.rps / lantu.rps).toFixed(2)}× req/s, ${(lantu.p99 / stat.p99).toFixed(2)}× p99 | ≤ 3× |`
	].join('\n');
}

if (import.meta.main) {
	if (!fs.existsSync(path.join(ROOT, SERVER_ENTRY))) {
		console.error('No build: run `npm run build` first.');
		process.exit(1);
	}
	const result = await measureConsultation({
		seconds: process.argv.includes('--quick') ? 5 : 10
	});
	console.log(consultationSummary(result));
}

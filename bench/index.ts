/**
 * `npm run bench`: collaboration benchmark. Lantu against two baselines measured in the same run —
 * a bare Hocuspocus 4 and the y-websocket reference server — reported as ratios, since absolute
 * figures on these shared machines are noise. `--quick` runs the small sizes only. Then the export
 * benchmark (bench/export.ts; `--no-export` skips it), the DOCX import of a 100-page file
 * (bench/docx-import.ts; `--no-docx-import` skips it) and consultation at 10,000 opinions
 * (bench/consultation.ts; `--no-consultation` skips it; `npm run bench -- consultation` runs only
 * that part), accepting 500 suggestions at once while others type (bench/accept.ts;
 * `--no-accept` skips it). Issue 20: the idle RSS of one instance against a bare Hocuspocus (bench/idle-rss.ts;
 * `--no-idle-rss`) and 1, 2, 3 instances with Redis (bench/cluster.ts; `--no-cluster`;
 * BENCH_CLUSTER_SIZE, default 600/60, 120/12 with --quick). One instance on PostgreSQL against
 * SQLite, and three instances on PostgreSQL with Redis (bench/postgres.ts; `--no-postgres`;
 * `npm run bench -- postgres` runs only that part; BENCH_PG_SIZES, default 100/10,300/30).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	consultationSummary,
	measureConsultation,
	type ConsultationBench
} from './consultation.ts';
import { acceptLine, measureAccept, type AcceptBenchRow } from './accept.ts';
import { docxImportLine, measureDocxImport, type ImportBenchRow } from './docx-import.ts';
import { exportTable, measureExport } from './export.ts';
import { clusterLine, measureCluster, type ClusterResult } from './cluster.ts';
import { measurePostgres, postgresTable, type PostgresBenchRow } from './postgres.ts';
import { startPostgres } from '../tests/helpers/postgres.ts';
import { idleSummary, measureIdle, type IdleResult } from './idle.ts';
import { idleRssLine, measureIdleRss, type IdleRssResult } from './idle-rss.ts';
import { measureLarge } from './large.ts';
import { measurePropagation, type PropagationResult } from './propagation.ts';
import { startTarget, type TargetName } from './targets.ts';
import { ROOT } from '../tests/helpers/server.ts';
import { SERVER_ENTRY } from '../server/node-flags.ts';

const quick = process.argv.includes('--quick');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 6 : 10));
const fromEnv = process.env.BENCH_SIZES?.split(',').map((size) => {
	const [clients, sections] = size.split('/').map(Number);
	return { clients, sections };
});
const SIZES: { clients: number; sections: number }[] = fromEnv
	? fromEnv
	: quick
		? [
				{ clients: 20, sections: 1 },
				{ clients: 100, sections: 10 }
			]
		: [
				{ clients: 20, sections: 1 },
				{ clients: 100, sections: 10 },
				{ clients: 300, sections: 30 }
			];
const TARGETS: TargetName[] = ['hocuspocus', 'y-websocket', 'lantu'];

if (!fs.existsSync(path.join(ROOT, SERVER_ENTRY))) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}

/** Writes a run's raw figures to bench/results/<name>-<time>.json. */
function saveResults(name: string, data: unknown): string {
	const out = path.join(ROOT, 'bench/results');
	fs.mkdirSync(out, { recursive: true });
	const file = path.join(out, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	return path.relative(ROOT, file);
}

const CLUSTER_SIZE = (process.env.BENCH_CLUSTER_SIZE ?? (quick ? '120/12' : '600/60'))
	.split('/')
	.map(Number);

/** Issue 20's PostgreSQL figures: one instance against SQLite, then 1, 2 and 3 on PostgreSQL with Redis. */
async function postgresPart() {
	const sizes = (process.env.BENCH_PG_SIZES ?? (quick ? '100/10' : '100/10,300/30'))
		.split(',')
		.map((size) => {
			const [clients, sections] = size.split('/').map(Number);
			return { clients, sections };
		});
	const single = await measurePostgres({
		sizes,
		seconds: SECONDS,
		repeats: Number(process.env.BENCH_REPEATS ?? 3)
	});
	console.log(`
One instance, PostgreSQL against SQLite (bench/postgres.ts):\n${postgresTable(single)}`);
	const pg = await startPostgres({ durable: true });
	const cluster: ClusterResult[] = [];
	try {
		console.log('\n1, 2 and 3 instances on one PostgreSQL with Redis (bench/cluster.ts):');
		for (const instances of [1, 2, 3]) {
			const result = await measureCluster({
				instances,
				clients: CLUSTER_SIZE[0],
				sections: CLUSTER_SIZE[1],
				seconds: SECONDS,
				editsPerSecond: 1,
				databaseUrl: pg.url(await pg.createDatabase())
			});
			cluster.push(result);
			console.log(clusterLine(result));
		}
	} finally {
		await pg.stop();
	}
	return { single, cluster };
}

if (process.argv.includes('postgres')) {
	const result = await postgresPart();
	console.log(`\nraw results: ${saveResults('postgres', result)}`);
	process.exit(0);
}

if (process.argv.includes('consultation')) {
	const result = await measureConsultation({ seconds: quick ? 5 : 10 });
	console.log(consultationSummary(result));
	console.log(`\nraw results: ${saveResults('consultation', result)}`);
	process.exit(0);
}

/** Every size is run BENCH_REPEATS times, the three servers in a rotating order each time. */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 1);
/** The event-loop target of the issue: no persistence step may block it longer. */
const EVENT_LOOP_TARGET_MS = 20;

const results: Record<string, Record<TargetName, PropagationResult[]>> = {};
for (const size of SIZES) {
	const label = `${size.clients}/${size.sections}`;
	results[label] = { hocuspocus: [], 'y-websocket': [], lantu: [] };
	for (let repeat = 0; repeat < REPEATS; repeat++) {
		const order = TARGETS.map((_, i) => TARGETS[(i + repeat) % TARGETS.length]);
		for (const name of order) {
			const target = await startTarget(name);
			try {
				const result = await measurePropagation(target, {
					...size,
					seconds: SECONDS,
					editsPerSecond: 2
				});
				results[label][name].push(result);
				console.log(
					`${label.padEnd(7)} ${name.padEnd(12)} p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  lost ${result.lost}/${result.edits}  event loop max ${result.eventLoopMaxMs.toFixed(1)} ms (GC ${result.gcMaxMs.toFixed(1)})${result.maxCommitMs === null ? '' : `  longest commit ${result.maxCommitMs.toFixed(1)} ms (${result.updatesPerCommit?.toFixed(1)} updates/commit)`}  server CPU ${result.serverCpuMsPerEdit.toFixed(3)} ms/edit  RSS ${result.serverRssMiB.toFixed(0)} MiB  load-gen CPU ${result.loadCpuPercent.toFixed(0)}% (busiest of ${result.loadThreads} thread${result.loadThreads > 1 ? 's' : ''})`
				);
			} finally {
				await target.stop();
			}
		}
	}
}

const median = (values: number[]) => {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
/** Ratios are taken within a repeat (same minute, same machine load), then the median of them. */
const ratios = (a: PropagationResult[], b: PropagationResult[], key: 'p50' | 'p99') =>
	a.map((r, i) => (b[i] && b[i][key] > 0 ? r[key] / b[i][key] : NaN));
const spread = (values: number[]) =>
	values.length > 1
		? ` (${fixed(Math.min(...values.filter(Number.isFinite)))}–${fixed(Math.max(...values.filter(Number.isFinite)))})`
		: '';
const lines = [
	`| clients/sections | Lantu p50 / p95 / p99 (ms) | ×bare Hocuspocus p50 / p99 | ×y-websocket p50 / p99 | lost | server CPU per edit Lantu / bare (ms) | event-loop max Lantu / bare (ms) | longest update-log commit (ms, target ≤ ${EVENT_LOOP_TARGET_MS}) | Lantu RSS (MiB) |`,
	'| --- | --- | --- | --- | --- | --- | --- | --- | --- |'
];
for (const [label, byTarget] of Object.entries(results)) {
	const l = byTarget.lantu;
	const h = byTarget.hocuspocus;
	const y = byTarget['y-websocket'];
	const m = (
		runs: PropagationResult[],
		key: 'p50' | 'p95' | 'p99' | 'serverCpuMsPerEdit' | 'serverRssMiB'
	) => median(runs.map((r) => r[key]));
	const p99h = ratios(l, h, 'p99');
	const p99y = ratios(l, y, 'p99');
	lines.push(
		`| ${label} | ${fixed(m(l, 'p50'))} / ${fixed(m(l, 'p95'))} / ${fixed(m(l, 'p99'))} | ${fixed(median(ratios(l, h, 'p50')))} / ${fixed(median(p99h))}${spread(p99h)} | ${fixed(median(ratios(l, y, 'p50')))} / ${fixed(median(p99y))}${spread(p99y)} | ${l.reduce((n, r) => n + r.lost, 0)} of ${l.reduce((n, r) => n + r.edits, 0)} | ${fixed(m(l, 'serverCpuMsPerEdit'), 3)} / ${fixed(m(h, 'serverCpuMsPerEdit'), 3)} | ${fixed(Math.max(...l.map((r) => r.eventLoopMaxMs)), 1)} / ${fixed(Math.max(...h.map((r) => r.eventLoopMaxMs)), 1)} | ${fixed(Math.max(...l.map((r) => r.maxCommitMs ?? NaN)), 1)} | ${fixed(m(l, 'serverRssMiB'), 0)} |`
	);
}
console.log(
	`\n${REPEATS} run(s) per size, ${SECONDS} s each; medians (ratios: median of per-run ratios, range in brackets)\n${lines.join('\n')}`
);
const large = [];
if (!process.argv.includes('--no-large')) {
	const bytes = 5 * 1024 * 1024;
	for (const name of ['hocuspocus', 'lantu'] as const) {
		const result = await measureLarge(name, bytes, SECONDS);
		large.push(result);
		console.log(
			`5 MB section ${name.padEnd(11)} first sync ${result.firstSyncMs?.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ') ?? '—'}  editing p99 ${result.editing.p99.toFixed(2)} ms  lost ${result.editing.lost}  HTTP probe p99 ${result.probeP99.toFixed(1)} ms max ${result.probeMax.toFixed(1)} ms  event loop max while editing ${result.editing.eventLoopMaxMs.toFixed(1)} ms${result.editing.maxCommitMs === null ? '' : `, longest update-log commit ${result.editing.maxCommitMs.toFixed(1)} ms (target ≤ ${EVENT_LOOP_TARGET_MS})`}`
		);
	}
}

let idle: IdleResult | undefined;
if (!process.argv.includes('--no-idle')) {
	idle = await measureIdle(57);
	console.log(`\n${idleSummary(idle)}`);
}

let idleRss: IdleRssResult | undefined;
if (!process.argv.includes('--no-idle-rss')) {
	idleRss = await measureIdleRss();
	console.log(`\n${idleRssLine(idleRss)}`);
}

const cluster: ClusterResult[] = [];
if (!process.argv.includes('--no-cluster')) {
	const [clients, sections] = CLUSTER_SIZE;
	console.log('\nSeveral instances on one store with Redis (bench/cluster.ts):');
	for (const instances of [1, 2, 3]) {
		const result = await measureCluster({
			instances,
			clients,
			sections,
			seconds: SECONDS,
			editsPerSecond: 1
		});
		cluster.push(result);
		console.log(clusterLine(result));
	}
}

let postgres: { single: PostgresBenchRow[]; cluster: ClusterResult[] } | undefined;
if (!process.argv.includes('--no-postgres')) postgres = await postgresPart();

let exportRows: Awaited<ReturnType<typeof measureExport>> = [];
if (!process.argv.includes('--no-export')) {
	exportRows = await measureExport();
	console.log(
		`\nExport of the full design report (demo plan and a plan ten times larger):\n${exportTable(exportRows)}`
	);
}

let docxImport: ImportBenchRow | undefined;
if (!process.argv.includes('--no-docx-import')) {
	docxImport = await measureDocxImport(quick ? 1 : 3);
	console.log(`\n${docxImportLine(docxImport)}`);
}

let consultation: ConsultationBench | undefined;
if (!process.argv.includes('--no-consultation')) {
	consultation = await measureConsultation({ seconds: quick ? 5 : 10 });
	console.log(`\n${consultationSummary(consultation)}`);
}

let accept: AcceptBenchRow | undefined;
if (!process.argv.includes('--no-accept')) {
	accept = await measureAccept(quick ? 3 : 5);
	console.log(`\n${acceptLine(accept)}`);
}

const out = path.join(ROOT, 'bench/results');
fs.mkdirSync(out, { recursive: true });
const file = path.join(out, `propagation-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(
	file,
	JSON.stringify(
		{
			seconds: SECONDS,
			repeats: REPEATS,
			results,
			large,
			idle,
			idleRss,
			cluster,
			postgres,
			export: exportRows,
			docxImport,
			consultation,
			accept
		},
		null,
		2
	)
);
console.log(`\nraw results: ${path.relative(ROOT, file)}`);

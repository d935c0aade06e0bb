/**
 * `npm run bench`: collaboration benchmark. Lantu against two baselines measured in the same run —
 * a bare Hocuspocus 4 and the y-websocket reference server — reported as ratios, since absolute
 * figures on these shared machines are noise. `--quick` runs the small sizes only. Then the export
 * benchmark (bench/export.ts; `--no-export` skips it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportTable, measureExport } from './export.ts';
import { idleSummary, measureIdle, type IdleResult } from './idle.ts';
import { measureLarge } from './large.ts';
import { measurePropagation, type PropagationResult } from './propagation.ts';
import { startTarget, type TargetName } from './targets.ts';
import { ROOT } from '../tests/helpers/server.ts';

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

if (!fs.existsSync(path.join(ROOT, 'build/handler.js'))) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}

const results: Record<string, Record<TargetName, PropagationResult>> = {};
for (const size of SIZES) {
	const label = `${size.clients}/${size.sections}`;
	results[label] = {} as Record<TargetName, PropagationResult>;
	for (const name of TARGETS) {
		const target = await startTarget(name);
		try {
			const result = await measurePropagation(target, {
				...size,
				seconds: SECONDS,
				editsPerSecond: 2
			});
			results[label][name] = result;
			console.log(
				`${label.padEnd(7)} ${name.padEnd(12)} p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  lost ${result.lost}/${result.edits}  event loop max ${result.eventLoopMaxMs.toFixed(1)} ms (GC ${result.gcMaxMs.toFixed(1)})  server RSS ${result.serverRssMiB.toFixed(0)} MiB  load-gen CPU ${result.loadCpuPercent.toFixed(0)}%`
			);
		} finally {
			await target.stop();
		}
	}
}

const ratio = (a: number, b: number) => (Number.isFinite(a) && b > 0 ? (a / b).toFixed(2) : '—');
const lines = [
	'| clients/sections | Lantu p50 / p95 / p99 (ms) | ×bare Hocuspocus p50 / p99 | ×y-websocket p50 / p99 | lost | Lantu RSS (MiB) |',
	'| --- | --- | --- | --- | --- | --- |'
];
for (const [label, byTarget] of Object.entries(results)) {
	const l = byTarget.lantu;
	const h = byTarget.hocuspocus;
	const y = byTarget['y-websocket'];
	lines.push(
		`| ${label} | ${l.p50.toFixed(2)} / ${l.p95.toFixed(2)} / ${l.p99.toFixed(2)} | ${ratio(l.p50, h.p50)} / ${ratio(l.p99, h.p99)} | ${ratio(l.p50, y.p50)} / ${ratio(l.p99, y.p99)} | ${l.lost} of ${l.edits} | ${l.serverRssMiB.toFixed(0)} |`
	);
}
console.log(`\n${lines.join('\n')}`);
const large = [];
if (!process.argv.includes('--no-large')) {
	const bytes = 5 * 1024 * 1024;
	for (const name of ['hocuspocus', 'lantu'] as const) {
		const result = await measureLarge(name, bytes, SECONDS);
		large.push(result);
		console.log(
			`5 MB section ${name.padEnd(11)} first sync ${result.firstSyncMs?.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ') ?? '—'}  editing p99 ${result.editing.p99.toFixed(2)} ms  lost ${result.editing.lost}  HTTP probe p99 ${result.probeP99.toFixed(1)} ms max ${result.probeMax.toFixed(1)} ms`
		);
	}
}

let idle: IdleResult | undefined;
if (!process.argv.includes('--no-idle')) {
	idle = await measureIdle(57);
	console.log(`\n${idleSummary(idle)}`);
}

let exportRows: Awaited<ReturnType<typeof measureExport>> = [];
if (!process.argv.includes('--no-export')) {
	exportRows = await measureExport();
	console.log(
		`\nExport of the full design report (demo plan and a plan ten times larger):\n${exportTable(exportRows)}`
	);
}

const out = path.join(ROOT, 'bench/results');
fs.mkdirSync(out, { recursive: true });
const file = path.join(out, `propagation-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(
	file,
	JSON.stringify({ seconds: SECONDS, results, large, idle, export: exportRows }, null, 2)
);
console.log(`\nraw results: ${path.relative(ROOT, file)}`);

/**
 * Issue 20: one Lantu instance on PostgreSQL against the same on its SQLite file, measured in the
 * same run (the two alternate within each repeat, so both see the same machine load). PostgreSQL is
 * a throwaway cluster on this machine (tests/helpers/postgres.ts), fsync on like a real one.
 * Reported: p99 of edit propagation (PostgreSQL / SQLite; target ≤ 1.3) and CPU per edit: Lantu's
 * process, and on PostgreSQL also PostgreSQL's own processes over the same window (they share the
 * machine's cores with Lantu and the load generator here).
 */
import path from 'node:path';
import { startPostgres } from '../tests/helpers/postgres.ts';
import { measurePropagation, type PropagationResult } from './propagation.ts';
import { watchPostgresCpu } from './process-cpu.ts';
import { startTarget } from './targets.ts';

/**
 * BENCH_PG_SYNCHRONOUS_COMMIT=off measures PostgreSQL without waiting for the WAL flush at commit —
 * closer to SQLite's `synchronous = NORMAL`, which does not sync at commit either — to tell the
 * flush's share of the difference from the client's. Lantu itself never runs that way.
 */
function withOptions(url: string): string {
	const mode = process.env.BENCH_PG_SYNCHRONOUS_COMMIT;
	if (!mode) return url;
	const parsed = new URL(url);
	parsed.searchParams.set('options', `-c synchronous_commit=${mode}`);
	return parsed.toString();
}

export interface PostgresBenchRow {
	clients: number;
	sections: number;
	sqlite: PropagationResult[];
	postgres: PropagationResult[];
}

export async function measurePostgres(options: {
	sizes: { clients: number; sections: number }[];
	seconds: number;
	repeats: number;
}): Promise<PostgresBenchRow[]> {
	const pg = await startPostgres({ durable: true });
	const postgresCpu = watchPostgresCpu(path.join(pg.dir, 'data'));
	const rows: PostgresBenchRow[] = [];
	try {
		for (const size of options.sizes) {
			const row: PostgresBenchRow = { ...size, sqlite: [], postgres: [] };
			for (let repeat = 0; repeat < options.repeats; repeat++) {
				const order =
					repeat % 2 === 0 ? (['sqlite', 'postgres'] as const) : (['postgres', 'sqlite'] as const);
				for (const kind of order) {
					const databaseUrl =
						kind === 'postgres' ? withOptions(pg.url(await pg.createDatabase())) : undefined;
					const target = await startTarget('lantu', { databaseUrl });
					try {
						const result = await measurePropagation(target, {
							...size,
							seconds: options.seconds,
							editsPerSecond: 2,
							beside: kind === 'postgres' ? postgresCpu : undefined
						});
						row[kind].push(result);
						console.log(
							`${size.clients}/${size.sections} lantu on ${kind.padEnd(8)} p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  lost ${result.lost}/${result.edits}  server CPU ${result.serverCpuMsPerEdit.toFixed(3)} ms/edit${result.besideCpuMsPerEdit === null ? '' : ` (+ PostgreSQL ${result.besideCpuMsPerEdit.toFixed(3)})`}  longest commit ${result.maxCommitMs?.toFixed(1) ?? '—'} ms  event loop max ${result.eventLoopMaxMs.toFixed(1)} ms`
						);
					} finally {
						await target.stop();
					}
				}
			}
			rows.push(row);
		}
	} finally {
		postgresCpu.stop();
		await pg.stop();
	}
	return rows;
}

const median = (values: number[]) => {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** The README table: per size, medians and the median of per-repeat ratios. */
export function postgresTable(rows: PostgresBenchRow[]): string {
	const lines = [
		'| clients/sections | p50 / p99 SQLite (ms) | p50 / p99 PostgreSQL (ms) | p99 PostgreSQL ÷ SQLite (target ≤ 1.3) | CPU per edit SQLite / PostgreSQL (ms): Lantu + the PostgreSQL server | longest commit SQLite / PostgreSQL (ms) | lost |',
		'| --- | --- | --- | --- | --- | --- | --- |'
	];
	for (const row of rows) {
		const m = (
			runs: PropagationResult[],
			key: 'p50' | 'p99' | 'serverCpuMsPerEdit' | 'besideCpuMsPerEdit'
		) => median(runs.map((r) => r[key] ?? NaN));
		const ratio = median(
			row.postgres.map((r, i) => (row.sqlite[i]?.p99 ? r.p99 / row.sqlite[i].p99 : NaN))
		);
		const commit = (runs: PropagationResult[]) =>
			Math.max(...runs.map((r) => r.maxCommitMs ?? NaN));
		const lost = [...row.sqlite, ...row.postgres].reduce((n, r) => n + r.lost, 0);
		const edits = [...row.sqlite, ...row.postgres].reduce((n, r) => n + r.edits, 0);
		lines.push(
			`| ${row.clients}/${row.sections} | ${fixed(m(row.sqlite, 'p50'))} / ${fixed(m(row.sqlite, 'p99'))} | ${fixed(m(row.postgres, 'p50'))} / ${fixed(m(row.postgres, 'p99'))} | ${fixed(ratio)} | ${fixed(m(row.sqlite, 'serverCpuMsPerEdit'), 3)} / ${fixed(m(row.postgres, 'serverCpuMsPerEdit'), 3)} + ${fixed(m(row.postgres, 'besideCpuMsPerEdit'), 3)} | ${fixed(commit(row.sqlite), 1)} / ${fixed(commit(row.postgres), 1)} | ${lost} of ${edits} |`
		);
	}
	return lines.join('\n');
}

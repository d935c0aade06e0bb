/**
 * Propagation latency: every client writes a small edit at a steady rate; the time from sending
 * an edit to the moment the LAST other client in its section has it is that edit's latency. The
 * clients run in load-generating worker threads (load-worker.ts).
 */
import { Worker } from 'node:worker_threads';
import type { LoadJob, LoadMessage } from './load-worker.ts';
import type { CpuWatch } from './process-cpu.ts';
import type { Target } from './targets.ts';

type LoadResult = Extract<LoadMessage, { type: 'done' }>;

export interface PropagationResult {
	clients: number;
	sections: number;
	edits: number;
	lost: number;
	p50: number;
	p95: number;
	p99: number;
	serverRssMiB: number;
	/** CPU of the busiest load-generating thread over the editing window, % of one core. */
	loadCpuPercent: number;
	loadThreads: number;
	/** Longest block of the server's event loop while clients were editing (probe.ts). */
	eventLoopMaxMs: number;
	/** Longest garbage-collection pause in the server meanwhile. */
	gcMaxMs: number;
	/** Lantu: the longest group commit of the update log (ms) and updates per commit. */
	maxCommitMs: number | null;
	updatesPerCommit: number | null;
	/** Server CPU time (all threads) per edit over the editing window and its drain, ms. */
	serverCpuMsPerEdit: number;
	/** The same for the processes `beside` watched (PostgreSQL's), else null. */
	besideCpuMsPerEdit: number | null;
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Clients one load thread drives at most: 150 keep its CPU under about half a core here. */
const CLIENTS_PER_THREAD = 150;

function startLoad(job: LoadJob): {
	ready: Promise<void>;
	done: Promise<LoadResult>;
	start(): void;
} {
	const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: job });
	let markReady: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	const done = new Promise<LoadResult>((resolve, reject) => {
		worker.on('message', (message: LoadMessage) => {
			if (message.type === 'ready') markReady();
			else {
				resolve(message);
				void worker.terminate();
			}
		});
		worker.once('error', reject);
	});
	return { ready, done, start: () => worker.postMessage('start') };
}

export async function measurePropagation(
	target: Target,
	options: {
		clients: number;
		sections: number;
		seconds: number;
		editsPerSecond: number;
		/** Write a CPU profile of the server's editing window to this file (BENCH_PROFILE). */
		profile?: string;
		/** Processes the server depends on (its PostgreSQL), whose CPU is counted over the same window. */
		beside?: CpuWatch;
	}
): Promise<PropagationResult> {
	const names = target.documentNames(options.sections);
	const threads = Math.min(options.sections, Math.ceil(options.clients / CLIENTS_PER_THREAD));
	// Client i edits section i mod sections; section s is driven by thread s mod threads.
	const jobs: LoadJob[] = Array.from({ length: threads }, () => ({
		target: { protocol: target.protocol, wsUrl: target.wsUrl, headers: target.headers },
		sections: [],
		seconds: options.seconds,
		editsPerSecond: options.editsPerSecond
	}));
	names.forEach((name, s) => {
		const clients =
			Math.floor(options.clients / options.sections) +
			(s < options.clients % options.sections ? 1 : 0);
		jobs[s % threads].sections.push({ name, clients });
	});
	const loads = jobs.map(startLoad);
	await Promise.all(loads.map((l) => l.ready));

	const serverBefore = await target.probe('reset');
	options.beside?.mark();
	if (options.profile) await target.profile('start');
	for (const load of loads) load.start();
	const results = await Promise.all(loads.map((l) => l.done));
	if (options.profile) await target.profile('stop', options.profile);
	const rss = target.rssBytes();
	const server = await target.probe('reset');
	const besideCpuMs = options.beside?.sinceMark();

	const sent = results.reduce((sum, r) => sum + r.sent, 0);
	const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
	return {
		clients: options.clients,
		sections: options.sections,
		edits: sent,
		lost: results.reduce((sum, r) => sum + r.lost, 0),
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		serverRssMiB: rss / 1024 / 1024,
		loadCpuPercent: Math.max(...results.map((r) => (r.cpuMs / r.wallMs) * 100)),
		loadThreads: threads,
		eventLoopMaxMs: server.eventLoopMaxMs,
		gcMaxMs: server.gcMaxMs,
		maxCommitMs: server.updateLog?.maxCommitMs ?? null,
		updatesPerCommit: server.updateLog
			? server.updateLog.updates / Math.max(1, server.updateLog.commits)
			: null,
		serverCpuMsPerEdit: (server.cpuMs - serverBefore.cpuMs) / Math.max(1, sent),
		besideCpuMsPerEdit: besideCpuMs === undefined ? null : besideCpuMs / Math.max(1, sent)
	};
}

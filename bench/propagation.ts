/**
 * Propagation latency: every client writes a small edit at a steady rate; the time from sending
 * an edit to the moment the LAST other client in its section has it is that edit's latency.
 */
import type * as Y from 'yjs';
import { createClient, type BenchClient } from './clients.ts';
import type { Target } from './targets.ts';

export interface PropagationResult {
	clients: number;
	sections: number;
	edits: number;
	lost: number;
	p50: number;
	p95: number;
	p99: number;
	serverRssMiB: number;
	loadCpuPercent: number;
	/** Longest block of the server's event loop while clients were editing (probe.ts). */
	eventLoopMaxMs: number;
	/** Longest garbage-collection pause in the server meanwhile. */
	gcMaxMs: number;
	/** Lantu: the longest group commit of the update log (ms) and updates per commit. */
	maxCommitMs: number | null;
	updatesPerCommit: number | null;
	/** Server CPU time (all threads) per edit over the editing window and its drain, ms. */
	serverCpuMsPerEdit: number;
}

interface Edit {
	sentAt: number;
	/** Peers that have not seen it yet. */
	pending: number;
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
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
	}
): Promise<PropagationResult> {
	const names = target.documentNames(options.sections);
	const clients: { client: BenchClient; section: number; key: string }[] = [];
	for (let i = 0; i < options.clients; i++) {
		const section = i % options.sections;
		clients.push({ client: createClient(target, names[section]), section, key: `c${i}` });
		// Open connections in small batches like real users arriving, not as one thundering herd.
		if (i % 20 === 19) await new Promise((r) => setTimeout(r, 20));
	}
	await Promise.all(clients.map((c) => c.client.synced));
	const peersOf = (section: number) => clients.filter((c) => c.section === section).length - 1;

	const edits = new Map<string, Edit>();
	const latencies: number[] = [];
	for (const { client, key: own } of clients) {
		const map = client.doc.getMap<number>('bench');
		// Highest sequence seen per writer: one update can carry several of a writer's edits.
		const seen = new Map<string, number>();
		map.observe((event) => {
			const now = performance.now();
			for (const key of event.keysChanged) {
				if (key === own) continue;
				const latestSeq = map.get(key) ?? 0;
				for (let seq = (seen.get(key) ?? 0) + 1; seq <= latestSeq; seq++) {
					const edit = edits.get(`${key}:${seq}`);
					if (!edit) continue;
					edit.pending--;
					if (edit.pending === 0) latencies.push(now - edit.sentAt);
				}
				seen.set(key, Math.max(seen.get(key) ?? 0, latestSeq));
			}
		});
	}

	const serverBefore = await target.probe('reset');
	if (options.profile) await target.profile('start');
	const cpuBefore = process.cpuUsage();
	const wallBefore = performance.now();
	const interval = 1000 / options.editsPerSecond;
	const timers: NodeJS.Timeout[] = [];
	let sent = 0;
	for (const { client, section, key } of clients) {
		const map = client.doc.getMap<number>('bench');
		let seq = 0;
		const start = setTimeout(() => {
			timers.push(
				setInterval(() => {
					seq++;
					const pending = peersOf(section);
					edits.set(`${key}:${seq}`, { sentAt: performance.now(), pending });
					sent++;
					(client.doc as Y.Doc).transact(() => map.set(key, seq));
				}, interval)
			);
		}, Math.random() * interval);
		timers.push(start);
	}
	await new Promise((r) => setTimeout(r, options.seconds * 1000));
	for (const t of timers) clearInterval(t);
	const cpu = process.cpuUsage(cpuBefore);
	const wall = performance.now() - wallBefore;
	// Let the last edits arrive, then count what never did.
	await new Promise((r) => setTimeout(r, 2000));
	if (options.profile) await target.profile('stop', options.profile);
	const rss = target.rssBytes();
	const server = await target.probe('reset');
	for (const { client } of clients) client.destroy();

	let lost = 0;
	for (const edit of edits.values()) if (edit.pending > 0) lost++;
	latencies.sort((a, b) => a - b);
	return {
		clients: options.clients,
		sections: options.sections,
		edits: sent,
		lost,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		serverRssMiB: rss / 1024 / 1024,
		loadCpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100,
		eventLoopMaxMs: server.eventLoopMaxMs,
		gcMaxMs: server.gcMaxMs,
		maxCommitMs: server.updateLog?.maxCommitMs ?? null,
		updatesPerCommit: server.updateLog
			? server.updateLog.updates / Math.max(1, server.updateLog.commits)
			: null,
		serverCpuMsPerEdit: (server.cpuMs - serverBefore.cpuMs) / Math.max(1, sent)
	};
}

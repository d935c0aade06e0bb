/**
 * One load-generating thread of the propagation benchmark: the real providers of some sections,
 * every client editing at a steady rate, each edit timed from its send until the last other client
 * of its section has it. All clients of a section live in one thread, so an edit's send and its
 * arrivals are read from the same clock. Several threads share the clients of a large run, so no
 * single event loop of the load generator is busy enough for its own lag to become the figure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type * as Y from 'yjs';
import { createClient, type BenchClient } from './clients.ts';
import type { Target } from './targets.ts';

export interface LoadJob {
	target: Pick<Target, 'protocol' | 'wsUrl' | 'headers'>;
	/** The sections this thread drives, with the number of clients in each. */
	sections: { name: string; clients: number }[];
	seconds: number;
	editsPerSecond: number;
}

export type LoadMessage =
	| { type: 'ready' }
	| {
			type: 'done';
			sent: number;
			lost: number;
			latencies: number[];
			cpuMs: number;
			wallMs: number;
	  };

interface Edit {
	sentAt: number;
	/** Peers that have not seen it yet. */
	pending: number;
}

const job = workerData as LoadJob;
const port = parentPort;
if (!port) throw new Error('load-worker.ts runs as a worker thread');

const clients: { client: BenchClient; peers: number; key: string }[] = [];
let n = 0;
for (const [s, section] of job.sections.entries()) {
	for (let i = 0; i < section.clients; i++) {
		const client = createClient(job.target as Target, section.name);
		clients.push({ client, peers: section.clients - 1, key: `s${s}c${i}` });
		// Open connections in small batches like real users arriving, not as one thundering herd.
		if (++n % 20 === 0) await new Promise((r) => setTimeout(r, 20));
	}
}
await Promise.all(clients.map((c) => c.client.synced));

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

port.postMessage({ type: 'ready' } satisfies LoadMessage);
await new Promise((resolve) => port.once('message', resolve)); // 'start'

const cpuBefore = process.threadCpuUsage();
const wallBefore = performance.now();
const interval = 1000 / job.editsPerSecond;
const timers: NodeJS.Timeout[] = [];
let sent = 0;
for (const { client, peers, key } of clients) {
	const map = client.doc.getMap<number>('bench');
	let seq = 0;
	const start = setTimeout(() => {
		timers.push(
			setInterval(() => {
				seq++;
				edits.set(`${key}:${seq}`, { sentAt: performance.now(), pending: peers });
				sent++;
				(client.doc as Y.Doc).transact(() => map.set(key, seq));
			}, interval)
		);
	}, Math.random() * interval);
	timers.push(start);
}
await new Promise((r) => setTimeout(r, job.seconds * 1000));
for (const t of timers) clearInterval(t);
const cpu = process.threadCpuUsage(cpuBefore);
const wallMs = performance.now() - wallBefore;
// Let the last edits arrive, then count what never did.
await new Promise((r) => setTimeout(r, 2000));
let lost = 0;
for (const edit of edits.values()) if (edit.pending > 0) lost++;
port.postMessage({
	type: 'done',
	sent,
	lost,
	latencies,
	cpuMs: (cpu.user + cpu.system) / 1000,
	wallMs
} satisfies LoadMessage);
for (const { client } of clients) client.destroy();

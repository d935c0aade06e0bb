/**
 * Several instances (issue 20): N Lantu instances on one SQLite file and one Redis, clients of
 * every section spread over all of them (client i of section s on instance (s + i) mod N), each
 * editing at a steady rate. Every arrival of an edit at another client is timed from its send and
 * counted as same-instance (writer and reader on one instance) or cross-instance (through Redis).
 * Per-instance CPU per edit is the instance's CPU time (all threads, /proc) over the window and
 * its drain, divided by all edits made — every instance holds every section here. The clients run
 * on this thread: on a 2-core machine the load generator shares the cores with the instances, so
 * absolute latencies are inflated alike for both kinds; compare the two, not the numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { login } from '../tests/helpers/http.ts';
import { startRedis } from '../tests/helpers/redis.ts';
import { startServer, type TestServer } from '../tests/helpers/server.ts';
import { percentile } from './propagation.ts';
import { addBenchPlans } from './targets.ts';

export interface ClusterResult {
	instances: number;
	clients: number;
	sections: number;
	edits: number;
	/** Edits some peer never received (within 10 s after the window). */
	lost: number;
	same: { arrivals: number; p50: number; p99: number };
	cross: { arrivals: number; p50: number; p99: number };
	/** CPU ms per edit of each instance. */
	cpuMsPerEdit: number[];
}

function cpuMs(pid: number | undefined): number {
	if (!pid) return 0;
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	// utime and stime (fields 14 and 15 of stat; 12 and 13 after the command) in clock ticks.
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

interface Client {
	instance: number;
	key: string;
	doc: Y.Doc;
	destroy(): void;
}

function connect(
	server: TestServer,
	cookie: string,
	name: string
): { client: Omit<Client, 'instance' | 'key'>; synced: Promise<void> } {
	const doc = new Y.Doc();
	const headers = { cookie, origin: server.url };
	const socket = new HocuspocusProviderWebsocket({
		url: `${server.url.replace('http', 'ws')}/collab`,
		WebSocketPolyfill: class extends WebSocket {
			constructor(address: string | URL, protocols?: string | string[]) {
				super(address, protocols, { headers });
			}
		}
	});
	let synced: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (synced = resolve));
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name,
		document: doc,
		token: 'session',
		onSynced: () => synced()
	});
	provider.attach();
	return {
		client: {
			doc,
			destroy() {
				provider.destroy();
				socket.destroy();
			}
		},
		synced: ready
	};
}

export async function measureCluster(options: {
	instances: number;
	clients: number;
	sections: number;
	seconds: number;
	editsPerSecond: number;
	/** All instances on this PostgreSQL database instead of one SQLite file. */
	databaseUrl?: string;
}): Promise<ClusterResult> {
	const redis = await startRedis();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-cluster-'));
	const servers: TestServer[] = [];
	const clients: Client[] = [];
	try {
		const env = {
			REDIS_URL: redis.url,
			COLLAB_MAX_CONNECTIONS_PER_IP: '100000',
			COLLAB_MAX_CONNECTIONS_PER_USER: '100000',
			LOG_LEVEL: 'error',
			...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {})
		};
		servers.push(await startServer({ dataDir, env: { ...env, INSTANCE_NAME: 'bench-1' } }));
		const names = addBenchPlans(
			{ databasePath: servers[0].databasePath, databaseUrl: options.databaseUrl },
			Math.ceil(options.sections / 19)
		)(options.sections);
		for (let i = 1; i < options.instances; i++) {
			servers.push(
				await startServer({ dataDir, env: { ...env, INSTANCE_NAME: `bench-${i + 1}` } })
			);
		}
		const cookie = await login(servers[0].url, 'admin');
		const perSection = Math.floor(options.clients / options.sections);
		const syncs: Promise<void>[] = [];
		for (const [s, name] of names.entries()) {
			for (let i = 0; i < perSection; i++) {
				const instance = (s + i) % options.instances;
				const { client, synced } = connect(servers[instance], cookie, name);
				clients.push({ ...client, instance, key: `s${s}c${i}` });
				syncs.push(synced);
				if (clients.length % 20 === 0) await new Promise((r) => setTimeout(r, 20));
			}
		}
		await Promise.all(syncs);

		/** sentAt per writer key, per sequence number. */
		const sent = new Map<string, number[]>();
		const arrivals = { same: [] as number[], cross: [] as number[] };
		/** Per writer key and sequence: how many peers have it. */
		const received = new Map<string, number[]>();
		const instanceOf = new Map(clients.map((c) => [c.key, c.instance]));
		for (const reader of clients) {
			const seen = new Map<string, number>();
			reader.doc.getMap<number>('bench').observe((event) => {
				const now = performance.now();
				for (const key of event.keysChanged) {
					if (key === reader.key) continue;
					const seq = reader.doc.getMap<number>('bench').get(key) ?? 0;
					const times = sent.get(key) ?? [];
					const counts = received.get(key) ?? [];
					for (let n = (seen.get(key) ?? 0) + 1; n <= seq; n++) {
						const at = times[n];
						if (at === undefined) continue;
						const kind = instanceOf.get(key) === reader.instance ? 'same' : 'cross';
						arrivals[kind].push(now - at);
						counts[n] = (counts[n] ?? 0) + 1;
					}
					received.set(key, counts);
					seen.set(key, Math.max(seen.get(key) ?? 0, seq));
				}
			});
		}

		const cpuBefore = servers.map((s) => cpuMs(s.pid()));
		const interval = 1000 / options.editsPerSecond;
		const timers = clients.map((writer) => {
			let seq = 0;
			const times: number[] = [];
			sent.set(writer.key, times);
			const edit = () => {
				seq++;
				times[seq] = performance.now();
				writer.doc.getMap<number>('bench').set(writer.key, seq);
			};
			// Staggered start so edits do not all leave in the same millisecond.
			let timer: NodeJS.Timeout | undefined;
			const start = setTimeout(() => {
				edit();
				timer = setInterval(edit, interval);
			}, Math.random() * interval);
			return () => {
				clearTimeout(start);
				clearInterval(timer);
			};
		});
		await new Promise((r) => setTimeout(r, options.seconds * 1000));
		for (const stop of timers) stop();
		const peers = perSection - 1;
		const complete = () =>
			[...sent.entries()].every(([key, times]) =>
				times.every((_, n) => (received.get(key)?.[n] ?? 0) >= peers)
			);
		const deadline = Date.now() + 10_000;
		while (!complete() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		const cpuAfter = servers.map((s) => cpuMs(s.pid()));

		let edits = 0;
		let lost = 0;
		for (const [key, times] of sent) {
			times.forEach((_, n) => {
				edits++;
				if ((received.get(key)?.[n] ?? 0) < peers) lost++;
			});
		}
		const stats = (list: number[]) => {
			const sorted = list.slice().sort((a, b) => a - b);
			return { arrivals: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
		};
		return {
			instances: options.instances,
			clients: clients.length,
			sections: options.sections,
			edits,
			lost,
			same: stats(arrivals.same),
			cross: stats(arrivals.cross),
			cpuMsPerEdit: servers.map((_, i) => (cpuAfter[i] - cpuBefore[i]) / Math.max(1, edits))
		};
	} finally {
		for (const c of clients) c.destroy();
		await Promise.all(servers.map((s) => s.stop('SIGKILL')));
		await redis.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

export function clusterLine(r: ClusterResult): string {
	const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
	const ratio =
		r.same.arrivals > 0 && r.cross.arrivals > 0 ? (r.cross.p99 / r.same.p99).toFixed(2) : '—';
	return `${r.instances} instance(s), ${r.clients} clients / ${r.sections} sections: same-instance p50/p99 ${ms(r.same.p50)} / ${ms(r.same.p99)} ms (${r.same.arrivals} arrivals), cross-instance ${ms(r.cross.p50)} / ${ms(r.cross.p99)} ms (${r.cross.arrivals}), cross/same p99 ${ratio}, lost ${r.lost} of ${r.edits}, CPU per edit per instance ${r.cpuMsPerEdit.map((c) => c.toFixed(3)).join(' / ')} ms`;
}

// `node bench/cluster.ts [clients/sections] [seconds]`: the three runs on their own.
if (import.meta.main) {
	const [clients, sections] = (process.argv[2] ?? '600/60').split('/').map(Number);
	const seconds = Number(process.argv[3] ?? 10);
	for (const instances of [1, 2, 3]) {
		const result = await measureCluster({
			instances,
			clients,
			sections,
			seconds,
			editsPerSecond: 1
		});
		console.log(clusterLine(result));
	}
}

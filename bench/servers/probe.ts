/**
 * Preloaded into every server under test (`--import`), never part of the product: it watches the
 * server's own event loop and memory from inside the process and answers the benchmark on a
 * loopback port of its own (BENCH_PROBE_PORT), so no route of the real app is added for it.
 *
 * GET /stats          event-loop delay since the last reset (max, p99), memory, loaded documents
 * GET /stats?reset=1  the same, then starts a new measuring window
 * GET /gc             full garbage collection first, then /stats (for memory per section)
 * GET /profile/start   starts the V8 CPU profiler; /profile/stop?file=… writes a .cpuprofile
 */
import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
let gcMaxMs = 0;
new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, entry.duration);
}).observe({ entryTypes: ['gc'] });

interface LantuCollab {
	stats(): { connections: number; documents: number };
	updateLogStats(reset?: boolean): { commits: number; updates: number; maxCommitMs: number };
}
/** Lantu's collab server, published on globalThis by the app (src/lib/server/collab.ts). */
const lantu = () =>
	(globalThis as Record<symbol, LantuCollab | undefined>)[Symbol.for('lantu.collab')];

function cpuMs() {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

function stats(reset: boolean) {
	const memory = process.memoryUsage();
	const result = {
		eventLoopMaxMs: histogram.max / 1e6,
		eventLoopP99Ms: histogram.percentile(99) / 1e6,
		gcMaxMs,
		rssBytes: memory.rss,
		heapUsedBytes: memory.heapUsed,
		externalBytes: memory.external + memory.arrayBuffers,
		documents: lantu()?.stats().documents ?? null,
		/** Lantu's update log: group commits, updates in them, longest commit (ms). */
		updateLog: lantu()?.updateLogStats(reset) ?? null,
		/** CPU time of the whole process (all threads) so far, in ms: contention on a shared
		 * machine stretches latencies, not the work a server does per edit. */
		cpuMs: cpuMs()
	};
	if (reset) {
		histogram.reset();
		gcMaxMs = 0;
	}
	return result;
}

let session: Session | undefined;
async function profile(action: string, file: string | null) {
	if (action === 'start') {
		session = new Session();
		session.connect();
		await session.post('Profiler.enable');
		await session.post('Profiler.setSamplingInterval', { interval: 200 });
		await session.post('Profiler.start');
	} else if (session) {
		const { profile } = await session.post('Profiler.stop');
		if (file) fs.writeFileSync(file, JSON.stringify(profile));
		session.disconnect();
		session = undefined;
	}
}

const server = http.createServer((request, response) => {
	const url = new URL(request.url ?? '/', 'http://probe');
	if (url.pathname.startsWith('/profile/')) {
		void profile(url.pathname.slice('/profile/'.length), url.searchParams.get('file')).then(() =>
			response.end('{}')
		);
		return;
	}
	if (url.pathname === '/gc') {
		for (let i = 0; i < 3; i++) gc();
	}
	response.setHeader('content-type', 'application/json');
	response.end(JSON.stringify(stats(url.searchParams.has('reset'))));
});
server.listen(Number(process.env.BENCH_PROBE_PORT), '127.0.0.1');
server.unref();

/**
 * The servers under test, each in its own process so the load generator's CPU is not the server's:
 * Lantu (the real production entry, with auth, permissions and SQLite persistence), a bare
 * Hocuspocus 4, and the y-websocket reference server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { login } from '../tests/helpers/http.ts';
import { openTestDb, type DatabaseLocation } from '../tests/helpers/db.ts';
import { freePort, ROOT, startServer } from '../tests/helpers/server.ts';
import { SECTION_CLAUSES } from '../src/lib/standard/sections.ts';

export type TargetName = 'lantu' | 'hocuspocus' | 'y-websocket';

export interface TargetOptions {
	/** Lantu on PostgreSQL: this (empty) database instead of a SQLite file. */
	databaseUrl?: string;
}

export interface Target {
	name: TargetName;
	protocol: 'hocuspocus' | 'y-websocket';
	wsUrl: string;
	/** Any HTTP URL the server answers, for the event-loop prober. */
	httpUrl: string;
	/** Lantu only: the SQLite file, to seed large sections. */
	databasePath?: string;
	/** Lantu on PostgreSQL only: its database. */
	databaseUrl?: string;
	/** Headers every client sends (the session cookie and Origin for Lantu). */
	headers: Record<string, string>;
	documentNames(count: number): string[];
	rssBytes(): number;
	/** What the server process says about itself (bench/servers/probe.ts); `reset` starts a new window. */
	probe(what?: 'stats' | 'reset' | 'gc'): Promise<ProbeStats>;
	/** Starts the server's CPU profiler, or stops it and writes the profile to `file`. */
	profile(action: 'start' | 'stop', file?: string): Promise<void>;
	stop(): Promise<void>;
}

export interface ProbeStats {
	/** Longest the event loop was blocked in the window, as monitorEventLoopDelay saw it. */
	eventLoopMaxMs: number;
	eventLoopP99Ms: number;
	/** Longest garbage-collection pause in the window. */
	gcMaxMs: number;
	rssBytes: number;
	heapUsedBytes: number;
	externalBytes: number;
	/** Documents Hocuspocus holds in memory (Lantu only; null for the baselines). */
	documents: number | null;
	/** Lantu only: commits of its update log in the window, and the longest (event loop held). */
	updateLog: { commits: number; updates: number; maxCommitMs: number } | null;
	/** CPU time the server process has used so far (all threads), ms. */
	cpuMs: number;
}

const PROBE = pathToFileURL(path.join(ROOT, 'bench/servers/probe.ts')).href;

function probeOf(port: number) {
	return async (what: 'stats' | 'reset' | 'gc' = 'stats'): Promise<ProbeStats> => {
		const url =
			what === 'gc'
				? `http://127.0.0.1:${port}/gc`
				: `http://127.0.0.1:${port}/stats${what === 'reset' ? '?reset=1' : ''}`;
		return (await (await fetch(url)).json()) as ProbeStats;
	};
}

function profilerOf(port: number) {
	return async (action: 'start' | 'stop', file?: string) => {
		const query = file ? `?file=${encodeURIComponent(file)}` : '';
		await (await fetch(`http://127.0.0.1:${port}/profile/${action}${query}`)).text();
	};
}

export function rssOf(pid: number | undefined): number {
	if (!pid) return 0;
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
		return kb ? Number(kb) * 1024 : 0;
	} catch {
		return 0;
	}
}

async function forkServer(
	script: string,
	probePort: number
): Promise<{ child: ChildProcess; port: number }> {
	const port = await freePort();
	const child = fork(path.join(ROOT, script), [], {
		env: { ...process.env, PORT: String(port), BENCH_PROBE_PORT: String(probePort) },
		execArgv: [...process.execArgv, '--import', PROBE],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	await new Promise<void>((resolve, reject) => {
		child.once('message', () => resolve());
		child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
	});
	return { child, port };
}

function genericNames(count: number): string[] {
	return Array.from({ length: count }, (_, i) => `bench/section/${i}`);
}

async function stopChild(child: ChildProcess) {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await exited;
}

export async function startTarget(name: TargetName, options: TargetOptions = {}): Promise<Target> {
	const probePort = await freePort();
	if (name === 'hocuspocus' || name === 'y-websocket') {
		const script =
			name === 'hocuspocus' ? 'bench/servers/bare-hocuspocus.js' : 'bench/servers/y-websocket.ts';
		const { child, port } = await forkServer(script, probePort);
		return {
			name,
			protocol: name === 'hocuspocus' ? 'hocuspocus' : 'y-websocket',
			wsUrl: `ws://127.0.0.1:${port}`,
			httpUrl: `http://127.0.0.1:${port}/`,
			headers: {},
			documentNames: genericNames,
			rssBytes: () => rssOf(child.pid),
			probe: probeOf(probePort),
			profile: profilerOf(probePort),
			stop: () => stopChild(child)
		};
	}

	const server = await startServer({
		env: {
			COLLAB_MAX_CONNECTIONS_PER_IP: '100000',
			COLLAB_MAX_CONNECTIONS_PER_USER: '100000',
			LOG_LEVEL: 'error',
			NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE}`.trim(),
			BENCH_PROBE_PORT: String(probePort),
			...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {})
		}
	});
	const location = { databasePath: server.databasePath, databaseUrl: options.databaseUrl };
	const sectionNames = addBenchPlans(location, 3);
	const cookie = await login(server.url, 'admin');
	return {
		name,
		protocol: 'hocuspocus',
		wsUrl: `${server.url.replace('http', 'ws')}/collab`,
		httpUrl: `${server.url}/healthz`,
		databasePath: server.databasePath,
		databaseUrl: options.databaseUrl,
		headers: { cookie, origin: server.url },
		documentNames: sectionNames,
		rssBytes: () => rssOf(server.pid()),
		probe: probeOf(probePort),
		profile: profilerOf(probePort),
		stop: async () => {
			await server.stop();
		}
	};
}

/**
 * The demo plan gives 大数据局 (admin's department) only some sections: adds plans in which it owns
 * all 19, so the benchmark has as many writable sections as it asks for. Returns the function that
 * names the first `count` of them.
 */
export function addBenchPlans(
	location: DatabaseLocation,
	extraPlans: number
): (count: number) => string[] {
	const db = openTestDb(location);
	db.transaction(() => {
		for (let p = 0; p < extraPlans; p++) {
			const planId = Number(
				db
					.prepare<[string], { id: number }>(
						`INSERT INTO plans (name, city, lead_organization_id, period_start, period_end) VALUES (?, '基准市', 1, 2026, 2030) RETURNING id`
					)
					.get(`基准测试规划${p + 1}`)!.id
			);
			for (const activity of ['requirements', 'overall', 'architecture', 'roadmap']) {
				db.prepare(`INSERT INTO plan_activities (plan_id, activity) VALUES (?, ?)`).run(
					planId,
					activity
				);
			}
			db.prepare(
				`INSERT INTO plan_members (plan_id, user_id, role) SELECT ?, id, 'editor' FROM users WHERE username = 'admin'`
			).run(planId);
			for (const clause of SECTION_CLAUSES) {
				db.prepare(
					`INSERT INTO section_assignments (plan_id, clause, organization_id) VALUES (?, ?, 1)`
				).run(planId, clause);
			}
		}
	})();
	const firstPlan = Number(
		(db.prepare(`SELECT min(id) AS id FROM plans WHERE city = '基准市'`).get() as { id: number }).id
	);
	db.close();
	return (count) =>
		Array.from({ length: count }, (_, i) => {
			const plan = firstPlan + Math.floor(i / SECTION_CLAUSES.length);
			if (plan >= firstPlan + extraPlans)
				throw new Error(`at most ${extraPlans * SECTION_CLAUSES.length} sections`);
			return `plan/${plan}/section/${SECTION_CLAUSES[i % SECTION_CLAUSES.length]}`;
		});
}

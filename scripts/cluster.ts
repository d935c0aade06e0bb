/**
 * `npm run cluster`: three Lantu instances on this machine for trying several instances (issue 20),
 * sharing one SQLite file (WAL; processes on one machine may share it) and one Redis, behind the
 * round-robin proxy in server/round-robin-proxy.ts on PORT (default 3000). docs/DEPLOY.md says what
 * each part does and how a real deployment differs (nginx, separate machines need PostgreSQL).
 *
 * `npm run cluster -- --postgres`: the same on PostgreSQL — one database for every instance, no
 * shared database file. Without DATABASE_URL it starts a PostgreSQL of its own on 127.0.0.1:PORT+200
 * (tests/helpers/postgres.ts: initdb into DATA_DIR/pg on first use, kept between runs, trust
 * authentication on loopback) with a database `lantu`.
 *
 * Environment: PORT (the proxy; instances take PORT+1…), CLUSTER_INSTANCES (default 3), DATA_DIR
 * (default data/cluster), REDIS_URL (use a running Redis instead of starting redis-server),
 * DATABASE_URL (with --postgres: use that PostgreSQL database). Builds first when there is no build.
 * Ctrl-C drains every instance (SIGTERM), then stops Redis and PostgreSQL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startProxy } from '../server/round-robin-proxy.ts';
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from '../server/node-flags.ts';
import {
	POSTGRES_MISSING,
	postgresBinDir,
	startPostgres,
	type TestPostgres
} from '../tests/helpers/postgres.ts';

const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;
const port = Number(process.env.PORT ?? 3000);
const count = Number(process.env.CLUSTER_INSTANCES ?? 3);
const dataDir = path.resolve(root, process.env.DATA_DIR ?? 'data/cluster');
const children: ChildProcess[] = [];
const onPostgres = process.argv.slice(2).includes('--postgres');
let postgres: TestPostgres | undefined;

if (!Number.isInteger(port) || !Number.isInteger(count) || count < 1 || count > 9) {
	console.error('PORT must be a port and CLUSTER_INSTANCES 1–9');
	process.exit(2);
}
fs.mkdirSync(dataDir, { recursive: true });

if (!fs.existsSync(path.join(root, SERVER_ENTRY))) {
	console.log('蓝图 Lantu：没有构建，正在构建…');
	const built = spawnSync(node, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (built.status !== 0) process.exit(built.status ?? 1);
}

async function startRedis(): Promise<string> {
	if (process.env.REDIS_URL) return process.env.REDIS_URL;
	const redisPort = port + 100;
	const dir = path.join(dataDir, 'redis');
	fs.mkdirSync(dir, { recursive: true });
	const child = spawn(
		'redis-server',
		['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
		{ stdio: ['ignore', fs.openSync(path.join(dataDir, 'redis.log'), 'a'), 'inherit'] }
	);
	child.on('error', (error) => {
		console.error(
			`redis-server could not be started (${error.message}): apt-get install redis-server, or set REDIS_URL`
		);
		void stop(1);
	});
	children.push(child);
	await new Promise((r) => setTimeout(r, 300));
	return `redis://127.0.0.1:${redisPort}`;
}

/** With --postgres: DATABASE_URL, or a database `lantu` on a PostgreSQL of our own in DATA_DIR/pg. */
async function startDatabase(): Promise<string | undefined> {
	if (!onPostgres) return undefined;
	if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
	if (!postgresBinDir()) throw new Error(POSTGRES_MISSING);
	postgres = await startPostgres({
		dir: path.join(dataDir, 'pg'),
		port: port + 200,
		durable: true
	});
	const exists = await postgres.psql("SELECT count(*) FROM pg_database WHERE datname = 'lantu'");
	if (exists === '0') await postgres.createDatabase('lantu');
	return postgres.url('lantu');
}

async function ready(instancePort: number, child: ChildProcess): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`instance on ${instancePort} exited`);
		try {
			if ((await fetch(`http://127.0.0.1:${instancePort}/readyz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`instance on ${instancePort} not ready after 60 s`);
}

async function startInstance(
	i: number,
	redisUrl: string,
	databaseUrl: string | undefined
): Promise<number> {
	const instancePort = port + i;
	const log = fs.openSync(path.join(dataDir, `lantu-${i}.log`), 'a');
	const child = spawn(node, [...SERVER_NODE_FLAGS, path.join(root, SERVER_ENTRY)], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(instancePort),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			REDIS_URL: redisUrl,
			INSTANCE_NAME: `lantu-${i}`,
			...(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
		},
		stdio: ['ignore', log, log]
	});
	children.push(child);
	await ready(instancePort, child);
	console.log(
		`  实例 lantu-${i}：127.0.0.1:${instancePort}（日志 ${path.join(dataDir, `lantu-${i}.log`)}）`
	);
	return instancePort;
}

let stopping = false;
async function stop(code = 0) {
	if (stopping) return;
	stopping = true;
	// Instances first (they drain: commit, close sockets with 1012), Redis last.
	const exits = children.map(
		(child) =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
			})
	);
	for (const child of children.slice().reverse()) child.kill('SIGTERM');
	await Promise.all(exits);
	// PostgreSQL last: the instances committed through it while draining.
	try {
		await postgres?.stop();
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
	}
	process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
	const redisUrl = await startRedis();
	const databaseUrl = await startDatabase();
	const store = databaseUrl ? `PostgreSQL ${databaseUrl}` : 'SQLite';
	console.log(`蓝图 Lantu 集群：${count} 个实例，Redis ${redisUrl}，${store}，数据 ${dataDir}`);
	// One after the other: the first migrates and seeds, the others find it done.
	const ports: number[] = [];
	for (let i = 1; i <= count; i++) ports.push(await startInstance(i, redisUrl, databaseUrl));
	const proxy = await startProxy({
		upstreams: ports.map((p) => ({ host: '127.0.0.1', port: p })),
		port,
		host: process.env.HOST ?? '127.0.0.1'
	});
	console.log(`请在浏览器中打开 http://localhost:${proxy.port}（轮询分发到各实例；Ctrl-C 停止）`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	await stop(1);
}

/**
 * Starts the real production server (server/index.ts: SvelteKit + Hocuspocus, one port) as a child
 * process on a free loopback port with a fresh temporary SQLite database — or, in the PostgreSQL
 * pass (LANTU_TEST_DB=postgres), a fresh database of its own in the run's PostgreSQL cluster
 * (tests/integration/global-setup.ts starts it). Nothing is mocked. The build must exist
 * (tests/integration/global-setup.ts and scripts/test.ts make it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from '../../server/node-flags.ts';
import { createDatabase, databaseUrlOf } from './postgres.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Node 24 as pinned by the project (the `node` devDependency), whatever runs the tests. */
export const NODE = path.join(ROOT, 'node_modules/.bin/node');

/** Which store the integration tests run on: LANTU_TEST_DB=postgres selects PostgreSQL. */
export type TestDatabaseKind = 'sqlite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
	const kind = process.env.LANTU_TEST_DB ?? 'sqlite';
	if (kind !== 'sqlite' && kind !== 'postgres') {
		throw new Error(`LANTU_TEST_DB must be sqlite or postgres, not ${kind}`);
	}
	return kind;
}

/** True in the SQLite pass: for a test about the SQLite file itself (WAL, its bytes), `it.runIf(ON_SQLITE)`. */
export const ON_SQLITE = testDatabaseKind() === 'sqlite';
/** True in the PostgreSQL pass: for a test of the PostgreSQL test setup itself. */
export const ON_POSTGRES = testDatabaseKind() === 'postgres';

/** The PostgreSQL pass's maintenance URL (the `postgres` database), set by the global setup. */
export const PG_ADMIN_URL_ENV = 'LANTU_TEST_PG_URL';

/** The database made for each data directory by this module (one test file), for `takeTestDatabases`. */
const createdDatabases = new Map<string, string>();

/**
 * A fresh PostgreSQL database for a data directory: the same one again for the same directory,
 * so a server restarted on (or a second instance started with) a data directory finds its data.
 */
async function databaseFor(dataDir: string): Promise<string> {
	const known = createdDatabases.get(dataDir);
	if (known) return known;
	const admin = process.env[PG_ADMIN_URL_ENV];
	if (!admin) {
		throw new Error(
			`LANTU_TEST_DB=postgres but ${PG_ADMIN_URL_ENV} is not set: the integration global setup ` +
				'starts the cluster (tests/integration/global-setup.ts), or point it at a PostgreSQL superuser URL.'
		);
	}
	const url = databaseUrlOf(admin, await createDatabase(admin));
	createdDatabases.set(dataDir, url);
	return url;
}

/** The databases this file's servers used, forgotten once returned (the PostgreSQL pass drops them). */
export function takeTestDatabases(): string[] {
	const urls = [...new Set(createdDatabases.values())];
	createdDatabases.clear();
	return urls;
}

export interface TestServer {
	url: string;
	port: number;
	dataDir: string;
	/** The SQLite file (SQLite pass only; in the PostgreSQL pass nothing is stored there). */
	databasePath: string;
	/** The server's DATABASE_URL in the PostgreSQL pass; undefined on SQLite. */
	databaseUrl: string | undefined;
	/** Output of the server so far, for failure messages. */
	output(): string;
	/** PID of the running server process (for RSS measurements in the benchmark). */
	pid(): number | undefined;
	/**
	 * Stops with a signal (SIGTERM for graceful, SIGKILL for a crash) and waits for the exit; says
	 * how it ended (nothing when it had already ended).
	 */
	stop(signal?: NodeJS.Signals): Promise<Exit | undefined>;
	/** Starts the server again on the same port and database. */
	restart(): Promise<void>;
}

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface StartOptions {
	/** Seed the demo city (default true). */
	seed?: boolean;
	env?: Record<string, string>;
	/**
	 * Reuse a data directory (e.g. to restart after a crash, or a second instance on the same store);
	 * default: a new temp directory. In the PostgreSQL pass the directory's database comes with it.
	 */
	dataDir?: string;
	/** PostgreSQL pass: this database instead of the data directory's own (several instances on one). */
	databaseUrl?: string;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

async function waitForHealth(
	url: string,
	child: ChildProcess,
	log: () => string,
	timeoutMs = 30_000
) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
		try {
			const response = await fetch(`${url}/readyz`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server did not become ready in ${timeoutMs} ms:\n${log()}`);
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	if (!fs.existsSync(path.join(ROOT, SERVER_ENTRY))) {
		throw new Error('No build found: run `npm run build` (npm test does it for you).');
	}
	const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-test-'));
	const databaseUrl =
		testDatabaseKind() === 'postgres'
			? (options.databaseUrl ?? (await databaseFor(dataDir)))
			: undefined;
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let logs = '';
	let child: ChildProcess;

	async function launch() {
		child = spawn(NODE, [...SERVER_NODE_FLAGS, SERVER_ENTRY], {
			cwd: ROOT,
			env: {
				...process.env,
				NODE_ENV: 'production',
				PORT: String(port),
				HOST: '127.0.0.1',
				DATA_DIR: dataDir,
				SEED_DEMO: options.seed === false ? 'false' : 'true',
				LOG_LEVEL: 'warn',
				// Exports at the server's own priority: on a shared test machine a niced export
				// worker starves behind everyone else's work (src/lib/server/export/priority.ts).
				EXPORT_NICE: '0',
				...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
		child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
		try {
			await waitForHealth(url, child, () => logs);
		} catch (error) {
			// A server that never became ready is not left running behind the failed test.
			child.kill('SIGKILL');
			throw error;
		}
	}

	async function stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit | undefined> {
		if (child.exitCode !== null || child.signalCode !== null) return undefined;
		const exited = new Promise<Exit>((resolve) =>
			child.once('exit', (code, signalCode) => resolve({ code, signal: signalCode }))
		);
		child.kill(signal);
		return exited;
	}

	await launch();
	return {
		url,
		port,
		dataDir,
		databasePath: path.join(dataDir, 'lantu.db'),
		databaseUrl,
		output: () => logs,
		pid: () => child.pid,
		stop,
		async restart() {
			// A server still running is stopped first: a second one on the same port would fail to
			// listen while the first went on answering (and outlived the test).
			await stop('SIGTERM');
			await launch();
		}
	};
}

/** The environment that points a script (audit:verify, …) at the same store as `server`. */
export function databaseEnv(
	server: Pick<TestServer, 'dataDir' | 'databasePath' | 'databaseUrl'>
): Record<string, string> {
	return {
		DATA_DIR: server.dataDir,
		DATABASE_PATH: server.databasePath,
		...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {})
	};
}

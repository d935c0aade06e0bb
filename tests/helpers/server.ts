/**
 * Starts the real production server (server/index.ts: SvelteKit + Hocuspocus, one port) as a child
 * process on a free loopback port with a fresh temporary SQLite database. Nothing is mocked. The
 * build must exist (tests/integration/global-setup.ts and scripts/test.ts make it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Node 24 as pinned by the project (the `node` devDependency), whatever runs the tests. */
export const NODE = path.join(ROOT, 'node_modules/.bin/node');

export interface TestServer {
	url: string;
	port: number;
	dataDir: string;
	databasePath: string;
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
	/** Reuse a data directory (e.g. to restart after a crash); default: a new temp directory. */
	dataDir?: string;
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
	if (!fs.existsSync(path.join(ROOT, 'build/handler.js'))) {
		throw new Error('No build found: run `npm run build` (npm test does it for you).');
	}
	const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-test-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let logs = '';
	let child: ChildProcess;

	async function launch() {
		child = spawn(NODE, [...SERVER_NODE_FLAGS, 'server/index.ts'], {
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

	await launch();
	return {
		url,
		port,
		dataDir,
		databasePath: path.join(dataDir, 'lantu.db'),
		output: () => logs,
		pid: () => child.pid,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode !== null || child.signalCode !== null) return undefined;
			const exited = new Promise<Exit>((resolve) =>
				child.once('exit', (code, signalCode) => resolve({ code, signal: signalCode }))
			);
			child.kill(signal);
			return exited;
		},
		async restart() {
			await launch();
		}
	};
}

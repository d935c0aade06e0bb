/**
 * A real redis-server (Debian's package; .ci/run installs it) on a free loopback port with a
 * throwaway directory and no persistence, for the multi-instance tests and benchmark. Missing
 * redis-server is a failure with the fix in its message, never a skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server.ts';

export interface TestRedis {
	url: string;
	port: number;
	/** SIGKILL, as a crash or an OOM kill would: the port stays ours for `restart`. */
	kill(): Promise<void>;
	/** Starts it again on the same port (empty: nothing was persisted). */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER ?? 'redis-server';

export async function startRedis(): Promise<TestRedis> {
	const found = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
	if (found.error) {
		throw new Error(
			`${BINARY} not found (${found.error.message}): the multi-instance tests need a real Redis — ` +
				'install it with `apt-get install redis-server` (.ci/run does), or set REDIS_SERVER to its path.'
		);
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-redis-'));
	const port = await freePort();
	let child = await launch(port, dir);
	const halt = async (signal: NodeJS.Signals) => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill(signal);
			await exited;
		}
	};
	return {
		url: `redis://127.0.0.1:${port}`,
		port,
		kill: () => halt('SIGKILL'),
		async restart() {
			await halt('SIGKILL');
			child = await launch(port, dir);
		},
		async stop() {
			await halt('SIGTERM');
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
	let output = '';
	const child: ChildProcess = spawn(
		BINARY,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'yes'
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	await waitForPing(port, child, () => output);
	return child;
}

async function waitForPing(port: number, child: ChildProcess, log: () => string) {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`redis-server exited:\n${log()}`);
		if (await ping(port)) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`redis-server did not answer PING:\n${log()}`);
}

function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(500);
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (d) => {
			resolve(d.toString().startsWith('+PONG'));
			socket.destroy();
		});
		socket.on('error', () => resolve(false));
		socket.on('timeout', () => {
			resolve(false);
			socket.destroy();
		});
	});
}

/** One real server per integration test file, with the demo accounts it needs logged in. */
import { afterAll, beforeAll } from 'vitest';
import { login } from './http.ts';
import { startServer, type StartOptions, type TestServer } from './server.ts';

/**
 * The real server for one test file, with demo accounts logged in: started before the file's
 * tests (its own beforeAll hooks run after this one), stopped after them. `server` forwards to the
 * running instance; `cookies` maps each account to its session cookie.
 */
export function serverPerFile(accounts: readonly string[] = [], options: StartOptions = {}) {
	let started: TestServer | undefined;
	const cookies = new Map<string, string>();
	const live = (): TestServer => {
		if (!started) throw new Error('the test server starts in beforeAll');
		return started;
	};
	const server: TestServer = {
		get url() {
			return live().url;
		},
		get port() {
			return live().port;
		},
		get dataDir() {
			return live().dataDir;
		},
		get databasePath() {
			return live().databasePath;
		},
		get databaseUrl() {
			return live().databaseUrl;
		},
		output: () => live().output(),
		pid: () => live().pid(),
		stop: (signal) => live().stop(signal),
		restart: () => live().restart()
	};
	beforeAll(async () => {
		started = await startServer(options);
		for (const name of accounts) cookies.set(name, await login(started.url, name));
	});
	afterAll(async () => {
		await started?.stop();
	});
	return { server, cookies };
}

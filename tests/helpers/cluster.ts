/**
 * Several real Lantu instances on one SQLite file (WAL, shared by processes on one machine) and one
 * real Redis, behind the round-robin proxy of `npm run cluster` (server/round-robin-proxy.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProxy, type Proxy } from '../../server/round-robin-proxy.ts';
import { startRedis, type TestRedis } from './redis.ts';
import { startServer, type TestServer } from './server.ts';

export interface TestCluster {
	redis: TestRedis;
	instances: TestServer[];
	proxy: Proxy;
	/** The proxy's URL: what a browser would be given. */
	url: string;
	dataDir: string;
	stop(): Promise<void>;
}

export async function startCluster(
	count: number,
	env: Record<string, string> = {}
): Promise<TestCluster> {
	const redis = await startRedis();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-cluster-'));
	const instances: TestServer[] = [];
	try {
		// One after the other: the first migrates, seeds and writes the signing key the others read.
		for (let i = 0; i < count; i++) {
			instances.push(
				await startServer({
					dataDir,
					env: { REDIS_URL: redis.url, INSTANCE_NAME: `lantu-${i + 1}`, ...env }
				})
			);
		}
	} catch (error) {
		await Promise.all(instances.map((s) => s.stop('SIGKILL')));
		await redis.stop();
		throw error;
	}
	const proxy = await startProxy({
		upstreams: instances.map((s) => ({ host: '127.0.0.1', port: s.port })),
		checkMs: 200
	});
	return {
		redis,
		instances,
		proxy,
		url: `http://127.0.0.1:${proxy.port}`,
		dataDir,
		async stop() {
			await proxy.close();
			await Promise.all(instances.map((s) => s.stop('SIGKILL')));
			await redis.stop();
		}
	};
}

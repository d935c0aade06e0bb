/**
 * Several real Lantu instances on one store and one real Redis, behind the round-robin proxy of
 * `npm run cluster` (server/round-robin-proxy.ts). The store is one SQLite file (WAL, shared by
 * processes on one machine) in the SQLite pass, and one PostgreSQL database — the same DATABASE_URL
 * for every instance, no shared database file — in the PostgreSQL pass.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProxy, type Proxy } from '../../server/round-robin-proxy.ts';
import type { TestProvider } from './collab.ts';
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
					// PostgreSQL pass: the database the first instance was given, for all of them.
					databaseUrl: instances[0]?.databaseUrl,
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

/** A client typing steadily into its own text of a section, keeping what was acknowledged. */
export interface Writer {
	client: TestProvider;
	/** The text as it stood when the server had last acknowledged everything this writer sent. */
	acknowledged: string;
	/** Everything this writer inserted, in order. */
	written: string;
	closes: number;
	text(): string;
	/** Starts steady edits; returns the function that stops them. */
	editEvery(ms: number): () => void;
}

export function writer(client: TestProvider, k: number): Writer {
	const text = client.doc.getText(`w${k}`);
	const w: Writer = {
		client,
		acknowledged: '',
		written: '',
		closes: 0,
		text: () => text.toString(),
		editEvery(ms) {
			let n = 0;
			const timer = setInterval(() => {
				const piece = `${k}.${n++};`;
				w.written += piece;
				text.insert(text.length, piece);
			}, ms);
			return () => clearInterval(timer);
		}
	};
	client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
		if (number === 0) w.acknowledged = text.toString();
	});
	client.provider.on('close', () => w.closes++);
	return w;
}

/**
 * A TCP relay to PostgreSQL on a loopback port of the test's choosing: a server pointed at it can
 * lose the database (terminate the relay: every connection through it is cut) and get it back (start
 * one again on the same port) without touching the cluster other tests share. It runs in a thread
 * of its own, because a main thread blocked on a synchronous statement could not pass it on.
 */
import { Worker } from 'node:worker_threads';

const RELAY_SOURCE = `const net = require('node:net');
const { parentPort, workerData: w } = require('node:worker_threads');
net.createServer((socket) => {
	const upstream = net.connect(w.upstreamPort, w.upstreamHost);
	socket.pipe(upstream).pipe(socket);
	upstream.on('error', () => socket.destroy());
	socket.on('error', () => upstream.destroy());
}).listen(w.port, '127.0.0.1', () => parentPort.postMessage('listening'));`;

/** Starts relaying `port` to the server of `databaseUrl`; resolves once it listens. */
export async function startRelay(port: number, databaseUrl: string): Promise<Worker> {
	const upstream = new URL(databaseUrl);
	const relay = new Worker(RELAY_SOURCE, {
		eval: true,
		workerData: {
			port,
			upstreamHost: upstream.hostname,
			upstreamPort: Number(upstream.port || 5432)
		}
	});
	await new Promise((resolve) => relay.once('message', resolve));
	return relay;
}

/** `databaseUrl` with its host and port replaced by the relay's. */
export function relayedUrl(databaseUrl: string, port: number): string {
	const url = new URL(databaseUrl);
	url.hostname = '127.0.0.1';
	url.port = String(port);
	return url.toString();
}

/**
 * Production entry: one Node process, one port. Serves the SvelteKit app (adapter-node's handler)
 * and upgrades /collab to the Hocuspocus collaboration server. Run by `npm start` / `npm run serve`
 * with Node 24, which runs this TypeScript file directly (type stripping), so only erasable syntax.
 *
 * PORT and HOST are honoured as adapter-node does (default 0.0.0.0:3000).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { CLIENT_ADDRESS_HEADER, clientAddress } from '../src/lib/server/client-address.ts';
import { config } from '../src/lib/server/config.ts';

interface CollabServer {
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	destroy(): Promise<void>;
}
type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root); // drizzle/ and ./data are relative to the project root

const PROTOCOL_HEADER = 'x-lantu-protocol';
// adapter-node assumes https when it cannot tell; without ORIGIN, tell it what this socket really is
// so SvelteKit's CSRF origin check compares like with like. Behind a TLS proxy, set ORIGIN.
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
}
const injectProtocol = process.env.PROTOCOL_HEADER === PROTOCOL_HEADER;
// The client address adapter-node reports (getClientAddress) is the one TRUST_PROXY decides, the
// same the /collab upgrade counts: written into our own header on every request, never the client's.
process.env.ADDRESS_HEADER = CLIENT_ADDRESS_HEADER;

const log = pino({
	base: { app: 'lantu', category: 'http' },
	level: process.env.LOG_LEVEL ?? 'info'
});
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT ?? 10) * 1000;

// Importing the handler runs SvelteKit's `init` hook: migrations, demo seed, collab server.
const { handler } = (await import(path.join(root, 'build/handler.js'))) as { handler: Handler };
const created = (globalThis as Record<symbol, CollabServer | undefined>)[
	Symbol.for('lantu.collab')
];
if (!created) throw new Error('collab server was not created by the app (hooks.server.ts init)');
const collab: CollabServer = created;

const server = createServer((req, res) => {
	if (injectProtocol) req.headers[PROTOCOL_HEADER] = 'http';
	req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
		req.socket.remoteAddress,
		req.headers['x-forwarded-for'],
		config.TRUST_PROXY
	);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.on('upgrade', (req, socket, head) => {
	if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
});

server.listen(port, host, () => {
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	log.info({ host, port: actual }, 'listening');
});

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	log.info({ signal }, 'shutting down');
	const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_TIMEOUT_MS);
	force.unref();
	server.close();
	server.closeIdleConnections();
	// Flush pending document stores and close sockets, then let the app close the database.
	await collab.destroy();
	process.emit('sveltekit:shutdown' as 'exit', signal as unknown as number);
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

/**
 * Production entry: one Node process, one port. Serves the SvelteKit app (adapter-node's handler)
 * and upgrades /collab to the Hocuspocus collaboration server. Run by `npm start` / `npm run serve`
 * with Node 24 as build/server.js, which `vite build` compiles from this file (server/entry-build.ts):
 * Node could run it directly (erasable syntax only), but its type stripper would then stay in memory.
 *
 * PORT and HOST are honoured as adapter-node does (default 0.0.0.0:3000); every variable is parsed
 * by src/lib/server/config.ts (a bad value stops the start, naming it).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { isValidHost } from '../src/lib/server/security/host.ts';
import { installLastResort } from './last-resort.ts';
import { CLIENT_ADDRESS_HEADER, clientAddress } from '../src/lib/server/client-address.ts';
import { config } from '../src/lib/server/config.ts';

interface CollabServer {
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	drain(): void;
	destroy(): Promise<void>;
}
type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root); // drizzle/ and ./data are relative to the project root

const PROTOCOL_HEADER = 'x-lantu-protocol';
const HOST_HEADER = 'x-lantu-host';
// adapter-node 6 takes the origin of a request from its Host header and assumes https when it cannot
// tell the protocol; it no longer reads ORIGIN at run time. So we tell it, in headers of our own that
// no client can set: with ORIGIN, its protocol and host (a TLS proxy may pass on its upstream Host);
// without, plain http on the Host asked for. SvelteKit's CSRF check and our Origin rule then compare
// like with like. Whoever configured adapter-node's own PROTOCOL_HEADER/HOST_HEADER keeps them.
const publicOrigin = config.ORIGIN ? new URL(config.ORIGIN) : undefined;
// adapter-node's handler reads these from process.env when it is imported below.
const injectProtocol = !config.PROTOCOL_HEADER;
const injectHost = publicOrigin !== undefined && !config.HOST_HEADER;
if (injectProtocol) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
if (injectHost) process.env.HOST_HEADER = HOST_HEADER;
const publicProtocol = publicOrigin ? publicOrigin.protocol.slice(0, -1) : 'http';
// The client address adapter-node reports (getClientAddress) is the one TRUST_PROXY decides, the
// same the /collab upgrade counts: written into our own header on every request, never the client's.
process.env.ADDRESS_HEADER = CLIENT_ADDRESS_HEADER;

const log = pino({
	base: { app: 'lantu', category: 'http' },
	level: config.LOG_LEVEL
});
// Before the app loads, so an error during start-up is logged by the same policy.
installLastResort(log);
const port = config.PORT;
const host = config.HOST;
const SHUTDOWN_TIMEOUT_MS = config.SHUTDOWN_TIMEOUT * 1000;

// Importing the handler runs SvelteKit's `init` hook: migrations, demo seed, collab server.
const { handler } = (await import(path.join(root, 'build/handler.js'))) as { handler: Handler };
const created = (globalThis as Record<symbol, CollabServer | undefined>)[
	Symbol.for('lantu.collab')
];
if (!created) throw new Error('collab server was not created by the app (hooks.server.ts init)');
const collab: CollabServer = created;

const server = createServer((req, res) => {
	// On every response, static assets (adapter-node's sirv) included; SvelteKit's hook sets it too.
	res.setHeader('X-Content-Type-Options', 'nosniff');
	if (injectProtocol) req.headers[PROTOCOL_HEADER] = publicProtocol;
	if (injectHost && publicOrigin) req.headers[HOST_HEADER] = publicOrigin.host;
	if (!isValidHost(req.headers.host)) {
		// adapter-node builds the request URL from Host; refuse a malformed one before anything does.
		log.info({ host: req.headers.host }, 'malformed Host refused');
		res.statusCode = 400;
		res.end('Bad Request');
		return;
	}
	try {
		req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
			req.socket.remoteAddress,
			req.headers['x-forwarded-for'],
			config.TRUST_PROXY
		);
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	} catch (error) {
		// Per-request boundary (SvelteKit catches inside its own; this is for what runs before it).
		log.error({ err: error, method: req.method, url: req.url }, 'request failed');
		if (!res.headersSent) {
			res.statusCode = 500;
			res.end('Internal error');
		} else {
			res.destroy();
		}
	}
});

// Requests Node's parser refuses (bad header syntax, oversized headers, timeouts): the status Node
// would send, plus a log line.
server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
	if (error.code === 'ECONNRESET' || !socket.writable) {
		socket.destroy();
		return;
	}
	const status =
		error.code === 'HPE_HEADER_OVERFLOW'
			? '431 Request Header Fields Too Large'
			: error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
				? '408 Request Timeout'
				: '400 Bad Request';
	log.info({ code: error.code }, 'malformed request refused');
	socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
});

server.on('upgrade', (req, socket, head) => {
	// Node removes its own error listener from a socket it hands to 'upgrade': a client that resets
	// mid-handshake would otherwise be an unhandled 'error' event.
	socket.on('error', (error) => log.debug({ err: error.message }, 'upgrade socket error'));
	try {
		if (!collab.handleUpgrade(req, socket, head)) {
			log.info({ url: req.url }, 'upgrade to an unknown path refused');
			socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
		}
	} catch (error) {
		// Per-request boundary of the upgrade: refuse this one, keep serving.
		log.error({ err: error, url: req.url }, 'upgrade failed');
		if (socket.writable) {
			socket.end(
				'HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'
			);
		} else {
			socket.destroy();
		}
	}
});

server.listen(port, host, () => {
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	log.info({ host, port: actual }, 'listening');
});

let stopping = false;
/**
 * Graceful drain (docs/DEPLOY.md): readiness turns 503 and new /collab upgrades are refused at once,
 * the listener closes (no new connections; requests in flight finish, idle keep-alive ones close),
 * every update applied so far is committed and its acknowledgement sent, then every socket is closed
 * with 1012 "service restart" — the client reconnects, through the load balancer to another
 * instance — and the database closes. Exit 0 when all of that held, 1 when the flush failed.
 */
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	log.info({ signal }, 'draining');
	collab.drain();
	const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_TIMEOUT_MS);
	force.unref();
	server.close();
	server.closeIdleConnections();
	let code = 0;
	try {
		await collab.destroy();
	} catch (error) {
		log.error({ err: error }, 'flushing the collaboration server failed');
		code = 1;
	}
	process.emit('sveltekit:shutdown' as 'exit', signal as unknown as number);
	log.info({ signal, code }, 'stopped');
	process.exit(code);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

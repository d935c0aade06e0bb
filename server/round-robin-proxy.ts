/**
 * A tiny load balancer for trying several instances on one machine (`npm run cluster`, the
 * multi-instance test): round robin without stickiness over the instances whose /readyz answers 200,
 * HTTP and WebSocket upgrades alike. A connection an instance refuses (it died, it drains) is
 * retried on the next one for upgrades, and answered 502 for plain HTTP. In production this is
 * nginx's job (docs/nginx.conf, docs/DEPLOY.md); this one adds no headers and trusts nothing.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

export interface Upstream {
	host: string;
	port: number;
}

export interface Proxy {
	port: number;
	/** Upstreams currently taking traffic (ready at the last check). */
	live(): Upstream[];
	close(): Promise<void>;
}

export interface ProxyOptions {
	upstreams: Upstream[];
	port?: number;
	host?: string;
	/** How often each upstream's /readyz is asked. */
	checkMs?: number;
}

/** Which upstreams are ready (by /readyz, and by connections they refused), and whose turn it is. */
class Pool {
	#upstreams: Upstream[];
	#ready: Set<Upstream>;
	#next = 0;
	#checker: NodeJS.Timeout;

	constructor(upstreams: Upstream[], checkMs: number) {
		this.#upstreams = upstreams;
		this.#ready = new Set(upstreams);
		this.#checker = setInterval(() => this.#check(checkMs), checkMs);
		this.#checker.unref();
	}

	/** The next upstream in turn among the ready ones (all of them when none is known ready). */
	pick(skip: Set<Upstream> = new Set()): Upstream | undefined {
		const pool = this.#upstreams.filter((u) => this.#ready.has(u) && !skip.has(u));
		const candidates = pool.length > 0 ? pool : this.#upstreams.filter((u) => !skip.has(u));
		if (candidates.length === 0) return undefined;
		return candidates[this.#next++ % candidates.length];
	}

	down(upstream: Upstream): void {
		this.#ready.delete(upstream);
	}

	live(): Upstream[] {
		return this.#upstreams.filter((u) => this.#ready.has(u));
	}

	stop(): void {
		clearInterval(this.#checker);
	}

	#check(checkMs: number) {
		for (const upstream of this.#upstreams) {
			fetch(`http://${upstream.host}:${upstream.port}/readyz`, {
				signal: AbortSignal.timeout(checkMs * 2)
			})
				.then((r) => (r.ok ? this.#ready.add(upstream) : this.#ready.delete(upstream)))
				.catch(() => this.#ready.delete(upstream));
		}
	}
}

/** Plain HTTP: to the next upstream; 502 when it refuses (it is marked down). */
function forward(pool: Pool, req: IncomingMessage, res: ServerResponse) {
	const upstream = pool.pick();
	if (!upstream) {
		res.writeHead(502).end('no instance');
		return;
	}
	const request = http.request(
		{
			host: upstream.host,
			port: upstream.port,
			method: req.method,
			path: req.url,
			headers: req.headers
		},
		(response) => {
			res.writeHead(response.statusCode ?? 502, response.rawHeaders);
			response.pipe(res);
		}
	);
	request.on('error', () => {
		pool.down(upstream);
		if (!res.headersSent) res.writeHead(502).end('instance unavailable');
		else res.destroy();
	});
	req.pipe(request);
}

/** An upgrade: the raw request to the next upstream, then bytes both ways; a refusal tries the next. */
function tunnel(
	pool: Pool,
	req: IncomingMessage,
	client: Duplex,
	head: Buffer,
	tried = new Set<Upstream>()
) {
	const upstream = pool.pick(tried);
	if (!upstream) {
		client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
		return;
	}
	const socket = net.connect(upstream.port, upstream.host);
	let connected = false;
	socket.on('connect', () => {
		connected = true;
		const lines = [`${req.method} ${req.url} HTTP/1.1`];
		for (let i = 0; i < req.rawHeaders.length; i += 2) {
			lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
		}
		socket.write(lines.join('\r\n') + '\r\n\r\n');
		if (head.length > 0) socket.write(head);
		socket.pipe(client);
		client.pipe(socket);
	});
	socket.on('error', () => {
		if (connected) return client.destroy();
		pool.down(upstream);
		tried.add(upstream);
		tunnel(pool, req, client, head, tried);
	});
	// Only a tunnel that was open ends its client; a refused attempt was retried above.
	socket.on('close', () => {
		if (connected) client.destroy();
	});
	client.on('close', () => socket.destroy());
}

export async function startProxy({
	upstreams,
	port = 0,
	host = '127.0.0.1',
	checkMs = 500
}: ProxyOptions): Promise<Proxy> {
	const pool = new Pool(upstreams, checkMs);
	const server = http.createServer((req, res) => forward(pool, req, res));
	/** Open tunnels (upgraded sockets leave the HTTP server's books): closed with the proxy. */
	const tunnels = new Set<Duplex>();
	server.on('upgrade', (req: IncomingMessage, client: Duplex, head: Buffer) => {
		tunnels.add(client);
		client.on('close', () => tunnels.delete(client));
		client.on('error', () => client.destroy());
		tunnel(pool, req, client, head);
	});
	await new Promise<void>((resolve) => server.listen(port, host, resolve));
	const address = server.address();
	return {
		port: typeof address === 'object' && address ? address.port : port,
		live: () => pool.live(),
		async close() {
			pool.stop();
			for (const client of tunnels) client.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

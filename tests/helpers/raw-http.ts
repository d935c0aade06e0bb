/**
 * Raw HTTP over a TCP socket, for requests no well-behaved client would send (a bad Host, a cookie
 * that is not percent-encoding, a truncated upgrade). Loopback only.
 */
import net from 'node:net';
import { randomBytes } from 'node:crypto';

export interface RawResponse {
	/** The status code of the first response line, or 0 when the server closed without one. */
	status: number;
	text: string;
}

/**
 * Writes `request` as is and collects what comes back until the server closes the socket, the
 * response head has arrived and `untilHead` is set, or `timeoutMs` passes. Never rejects: a reset
 * is a closed socket here.
 */
export function rawRequest(
	port: number,
	request: string | Buffer,
	options: { timeoutMs?: number; untilHead?: boolean; endAfterWrite?: boolean } = {}
): Promise<RawResponse> {
	const { timeoutMs = 3000, untilHead = true, endAfterWrite = false } = options;
	return new Promise((resolve) => {
		let text = '';
		let done = false;
		const socket = net.connect(port, '127.0.0.1');
		const finish = () => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			socket.destroy();
			const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
			resolve({ status, text });
		};
		const timer = setTimeout(finish, timeoutMs);
		socket.on('connect', () => {
			socket.write(request);
			if (endAfterWrite) socket.end();
		});
		socket.on('data', (chunk: Buffer) => {
			text += chunk.toString('latin1');
			if (untilHead && text.includes('\r\n\r\n')) finish();
		});
		socket.on('error', finish);
		socket.on('close', finish);
	});
}

/** A WebSocket upgrade request for /collab with these extra header lines (name, value). */
export function upgradeRequest(
	headers: [string, string][],
	options: { path?: string; host?: string | null; key?: string | null } = {}
): string {
	const lines = [`GET ${options.path ?? '/collab'} HTTP/1.1`];
	if (options.host !== null) lines.push(`Host: ${options.host ?? 'localhost'}`);
	lines.push('Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13');
	if (options.key !== null)
		lines.push(`Sec-WebSocket-Key: ${options.key ?? randomBytes(16).toString('base64')}`);
	for (const [name, value] of headers) lines.push(`${name}: ${value}`);
	return `${lines.join('\r\n')}\r\n\r\n`;
}

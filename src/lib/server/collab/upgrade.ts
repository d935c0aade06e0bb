/**
 * The HTTP upgrade of /collab: checks Origin and the session cookie *before* the WebSocket exists,
 * so an anonymous or cross-site client never gets a socket ("no session, no connection"). The
 * session is validated with the web app's own `validateSessionToken`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session.ts';
import type { SessionUser } from '../auth/session.ts';
import { isValidHost } from '../security/host.ts';
import { clientAddress } from '../client-address.ts';
import { config } from '../config.ts';

export const COLLAB_PATH = '/collab';

export type UpgradeCheck =
	| { ok: true; user: SessionUser; sessionId: string; ip: string }
	| { ok: false; status: 400 | 401 | 403 | 429; message: string };

/**
 * The value of one cookie, or undefined. A value that is not valid percent-encoding (`%`, `%zz`)
 * is no session token of ours: it reads as "no cookie" instead of throwing a URIError out of the
 * upgrade (issue 11: one such request used to stop the process).
 */
function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1) continue;
		if (part.slice(0, eq).trim() !== name) continue;
		try {
			return decodeURIComponent(part.slice(eq + 1).trim());
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/** The origins a browser page of ours can have: the configured ORIGIN, else this request's host. */
function allowedOrigins(request: IncomingMessage, configuredOrigin: string | undefined): string[] {
	if (configuredOrigin) return [new URL(configuredOrigin).origin];
	const host = request.headers.host;
	if (!host) return [];
	return [`http://${host}`, `https://${host}`];
}

/** The address limits count: TRUST_PROXY's answer, the same as the HTTP side's getClientAddress. */
export function clientIp(request: IncomingMessage): string {
	return clientAddress(
		request.socket.remoteAddress,
		request.headers['x-forwarded-for'],
		config.TRUST_PROXY
	);
}

export function checkUpgrade(
	request: IncomingMessage,
	configuredOrigin: string | undefined
): UpgradeCheck {
	if (!isValidHost(request.headers.host)) return { ok: false, status: 400, message: 'bad host' };
	const origin = request.headers.origin;
	// Browsers always send Origin on WebSocket handshakes; a cross-site page gets refused here, since
	// cookies would otherwise ride along (cross-site WebSocket hijacking).
	if (!origin || !allowedOrigins(request, configuredOrigin).includes(origin)) {
		return { ok: false, status: 403, message: 'origin not allowed' };
	}
	const token = readCookie(request.headers.cookie, SESSION_COOKIE);
	if (!token) return { ok: false, status: 401, message: 'no session' };
	const { user, session } = validateSessionToken(token);
	if (!user) return { ok: false, status: 401, message: 'session invalid or expired' };
	return { ok: true, user, sessionId: session.id, ip: clientIp(request) };
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	429: 'Too Many Requests',
	500: 'Internal Server Error'
};

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
	const body = JSON.stringify({ error: message });
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
			'Content-Type: application/json\r\n' +
			'X-Content-Type-Options: nosniff\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n` +
			'Connection: close\r\n\r\n' +
			body
	);
}

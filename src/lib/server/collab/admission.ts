/**
 * Admission of a /collab upgrade: Origin and session checked before a socket exists (upgrade.ts),
 * refusals counted per address, the per-user and per-address connection caps reserved (sockets.ts),
 * then the WebSocket handshake and the socket handed to `connection.ts`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { CLOSE_CODES } from '../../collab/close-codes.ts';
import { config } from '../config.ts';
import { stored, take } from '../rate-limit.ts';
import { attach, type ConnectionDeps } from './connection.ts';
import type { SocketRegistry } from './sockets.ts';
import { checkUpgrade, clientIp, refuseUpgrade } from './upgrade.ts';

export interface AdmissionDeps extends ConnectionDeps {
	wss: WebSocketServer;
	sockets: SocketRegistry;
	organizationName(organizationId: number): string;
}

export function createAdmission(deps: AdmissionDeps) {
	const { wss, sockets, log } = deps;
	/**
	 * Upgrades refused for want of a session or a right Origin, per address: bounded separately,
	 * counted in the database so the bound holds across instances; past it, each instance refuses
	 * from memory (no write per refusal of a flood).
	 */
	const refusedUpgrades = stored(
		'collab-refused',
		{ points: config.COLLAB_REFUSED_UPGRADES_PER_MINUTE, seconds: 60, blockSeconds: 60 },
		{ shield: true }
	);

	/**
	 * Refusals are counted per address; past the limit they get a bare 429 and no log line each. A
	 * valid session from the same address (a city behind one proxy) still passes.
	 */
	async function refuse(socket: Duplex, ip: string, status: number, message: string) {
		const counted = await take(refusedUpgrades(), ip);
		if (counted.ok) {
			log.info({ status, reason: message, ip }, 'collab upgrade refused');
			refuseUpgrade(socket, status, message);
			return;
		}
		if (counted.retryAfterMs >= 59_000) {
			log.warn({ ip }, 'collab upgrades refused too often from this address');
		}
		refuseUpgrade(socket, 429, 'too many refused upgrades');
	}

	return async function admit(request: IncomingMessage, socket: Duplex, head: Buffer) {
		const check = checkUpgrade(request, config.ORIGIN);
		if (!check.ok) return refuse(socket, clientIp(request), check.status, check.message);
		const reservation = sockets.reserve({
			userId: check.user.id,
			sessionId: check.sessionId,
			ip: check.ip
		});
		if (!reservation.ok && reservation.over === 'address') {
			log.warn({ ip: check.ip }, 'collab connections per address exceeded');
			refuseUpgrade(socket, 429, 'too many connections');
			return;
		}
		// Released when the TCP socket closes, also if the WebSocket handshake itself fails.
		if (reservation.ok) socket.once('close', () => reservation.slot.release());
		const organization = deps.organizationName(check.user.organizationId);
		wss.handleUpgrade(request, socket, head, (ws) => {
			if (!reservation.ok) {
				// Over the per-user cap: a WebSocket close code is what a browser can read.
				log.warn({ user: check.user.id }, 'collab connections per user exceeded');
				const { code, reason } = CLOSE_CODES.tooManyConnections;
				ws.close(code, reason);
				return;
			}
			const context = {
				user: check.user,
				sessionId: check.sessionId,
				ip: check.ip,
				organization,
				activity: { used: false }
			};
			attach(deps, ws, request, context, reservation.slot);
		});
	};
}

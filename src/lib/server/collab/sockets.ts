/**
 * Who holds each open /collab socket — the user, the session that opened it, the client address —
 * so that (1) the caps per user and per address are counted, and reserved before the WebSocket
 * exists so parallel handshakes cannot overshoot them; (2) a session that ends (logout, password
 * change, disabled account, expiry) closes exactly its sockets at once; (3) a periodic sweep closes
 * sockets whose session expired or vanished while nothing announced it (idle/absolute lifetime).
 * The decision "is this session still valid" is `checkSession` in auth/session.ts, not here.
 *
 * Per process on purpose (several instances, docs/DEPLOY.md): the caps bound the sockets this
 * process holds, and a shared count would outlive the sockets of an instance that was killed.
 */
import type { Extension, onChangePayload } from '@hocuspocus/server';
import { CLOSE_CODES } from '../../collab/close-codes.ts';
import { checkSession } from '../auth/session.ts';
import { onSessionsEnded, type SessionsEnded } from '../auth/session-events.ts';
import type { Logger } from '../log.ts';
import type { CollabContext, SocketActivity } from './context.ts';

export interface SocketOwner {
	userId: number;
	sessionId: string;
	ip: string;
}

export interface Closable {
	close(code: number, reason: string): void;
}

export interface SocketLimits {
	perUser: number;
	perAddress: number;
}

/** A reserved slot: bind it to the socket once it exists, release it when the socket closes. */
export interface Slot {
	bind(socket: Closable, activity: SocketActivity): void;
	release(): void;
}

export type Reservation = { ok: true; slot: Slot } | { ok: false; over: 'user' | 'address' };

export class SocketRegistry {
	#open = new Map<Closable, { owner: SocketOwner; activity: SocketActivity }>();
	#perUser = new Map<number, number>();
	#perAddress = new Map<string, number>();
	#limits: SocketLimits;

	constructor(limits: SocketLimits) {
		this.#limits = limits;
	}

	/** Counts a socket before it exists (synchronously, so parallel handshakes see each other). */
	reserve(owner: SocketOwner): Reservation {
		if ((this.#perAddress.get(owner.ip) ?? 0) >= this.#limits.perAddress) {
			return { ok: false, over: 'address' };
		}
		if ((this.#perUser.get(owner.userId) ?? 0) >= this.#limits.perUser) {
			return { ok: false, over: 'user' };
		}
		bump(this.#perAddress, owner.ip, 1);
		bump(this.#perUser, owner.userId, 1);
		let socket: Closable | undefined;
		let released = false;
		return {
			ok: true,
			slot: {
				bind: (ws, activity) => {
					socket = ws;
					this.#open.set(ws, { owner, activity });
				},
				release: () => {
					if (released) return;
					released = true;
					if (socket) this.#open.delete(socket);
					bump(this.#perAddress, owner.ip, -1);
					bump(this.#perUser, owner.userId, -1);
				}
			}
		};
	}

	/** Closes the sockets of ended sessions with the code the client turns into "请重新登录". */
	closeEnded(ended: SessionsEnded): number {
		const ids = new Set(ended.sessionIds);
		const { user } = ended;
		return this.#closeWhere(
			(owner) =>
				ids.has(owner.sessionId) ||
				(user !== undefined && owner.userId === user.id && owner.sessionId !== user.exceptSessionId)
		);
	}

	/** Re-checks every distinct session behind an open socket; closes those no longer valid. */
	sweep(): number {
		const verdicts = new Map<string, boolean>();
		const used = new Set<string>();
		for (const { owner, activity } of this.#open.values()) {
			if (activity.used) used.add(owner.sessionId);
			activity.used = false;
		}
		for (const { owner } of this.#open.values()) {
			if (!verdicts.has(owner.sessionId)) {
				verdicts.set(owner.sessionId, checkSession(owner.sessionId, used.has(owner.sessionId)));
			}
		}
		return this.#closeWhere((owner) => verdicts.get(owner.sessionId) === false);
	}

	count(): number {
		return this.#open.size;
	}

	#closeWhere(match: (owner: SocketOwner) => boolean): number {
		const { code, reason } = CLOSE_CODES.sessionEnded;
		let closed = 0;
		for (const [socket, { owner }] of this.#open) {
			if (!match(owner)) continue;
			socket.close(code, reason);
			closed++;
		}
		return closed;
	}
}

function bump<K>(counts: Map<K, number>, key: K, by: number): void {
	const next = (counts.get(key) ?? 0) + by;
	if (next <= 0) counts.delete(key);
	else counts.set(key, next);
}

/** Edits are use: a socket that carried a document change renews its session at the next sweep. */
export class SessionActivity implements Extension {
	extensionName = 'session-activity';
	async onChange({ context }: onChangePayload<CollabContext>) {
		if (context?.activity) context.activity.used = true;
	}
}

/**
 * Wires the registry to the session announcements and starts the sweep; returns the stop function.
 * The timer is unref'd: it never keeps the process alive by itself.
 */
export function watchSessions(registry: SocketRegistry, sweepMs: number, log: Logger): () => void {
	const unsubscribe = onSessionsEnded((ended) => {
		const closed = registry.closeEnded(ended);
		if (closed > 0) log.info({ closed }, 'closed the sockets of ended sessions');
	});
	const timer = setInterval(() => {
		try {
			const closed = registry.sweep();
			if (closed > 0) log.info({ closed }, 'closed sockets of expired sessions');
		} catch (error) {
			// A failed check (e.g. the disk is full) keeps the sockets; the next sweep tries again.
			log.error({ err: error }, 'session sweep failed');
		}
	}, sweepMs);
	timer.unref();
	return () => {
		clearInterval(timer);
		unsubscribe();
	};
}

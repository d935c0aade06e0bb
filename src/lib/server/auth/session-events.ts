/**
 * "These sessions have ended": the one announcement every place that ends sessions makes (logout,
 * password change, disabled account, expiry found on read or by the socket sweep), and the collab
 * server listens to, closing those sessions' live sockets at once. One process today; when Lantu
 * runs as several instances, this is the function that broadcasts (e.g. Redis pub/sub) so every
 * instance closes its own sockets. One channel per process (process-channel.ts).
 */
import { processChannel } from '../process-channel.ts';

export interface SessionsEnded {
	sessionIds: string[];
	/** Every session of this user ended (but `exceptSessionId`), including ones already gone. */
	user?: { id: number; exceptSessionId?: string };
}
const channel = processChannel<SessionsEnded>('sessionsEnded');

/** Subscribes; returns the unsubscribe function. */
export const onSessionsEnded = channel.on;

export function announceSessionsEnded(ended: SessionsEnded): void {
	if (ended.sessionIds.length === 0 && !ended.user) return;
	channel.emit(ended);
}

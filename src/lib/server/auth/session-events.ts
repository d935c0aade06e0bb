/**
 * "These sessions have ended": the one announcement every place that ends sessions makes (logout,
 * password change, disabled account, expiry found on read or by the socket sweep), and the collab
 * server listens to, closing those sessions' live sockets at once. One process today; when Lantu
 * runs as several instances, this is the function that broadcasts (e.g. Redis pub/sub) so every
 * instance closes its own sockets. Listeners live on globalThis so a second copy of this module
 * (Vite's dev graph next to server/) still reaches the same collab server.
 */
export interface SessionsEnded {
	sessionIds: string[];
	/** Every session of this user ended (but `exceptSessionId`), including ones already gone. */
	user?: { id: number; exceptSessionId?: string };
}
type Listener = (ended: SessionsEnded) => void;

const KEY = Symbol.for('lantu.sessionsEnded');
type Holder = { [KEY]?: Set<Listener> };

function listeners(): Set<Listener> {
	return ((globalThis as Holder)[KEY] ??= new Set());
}

/** Subscribes; returns the unsubscribe function. */
export function onSessionsEnded(listener: Listener): () => void {
	listeners().add(listener);
	return () => listeners().delete(listener);
}

export function announceSessionsEnded(ended: SessionsEnded): void {
	if (ended.sessionIds.length === 0 && !ended.user) return;
	for (const listener of listeners()) listener(ended);
}

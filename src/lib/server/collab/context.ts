import type { SessionUser } from '../auth/session.ts';

export interface SocketActivity {
	used: boolean;
}

/** What every collab connection carries: the user of the session that opened the socket. */
export interface CollabContext {
	user: SessionUser;
	/**
	 * The session that opened the socket: when it ends, the socket closes (sockets.ts). Absent on
	 * the server's own direct connections (history restore), which have no socket.
	 */
	sessionId?: string;
	/** The client address; null for a server-side edit whose request had none to tell. */
	ip: string | null;
	/** Set when the socket carries an edit; the session sweep renews the session's idle expiry. */
	activity?: SocketActivity;
	/** Name of the user's organization, shown with their presence. */
	organization: string;
	/**
	 * This document's connection may only suggest (修订, issue 17): writable for Hocuspocus, but
	 * every update must stay inside suggestion marks (extensions/suggest-guard.ts). Set per
	 * document by the authorization extension (Hocuspocus copies the context per document).
	 */
	suggestOnly?: boolean;
}

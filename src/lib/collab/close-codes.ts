/**
 * Close codes of the /collab WebSocket: a contract shared by the server, which closes with them, and
 * the client, which maps them to Chinese messages and decides whether to reconnect. 4000–4999 is
 * the range RFC 6455 leaves to applications; Hocuspocus uses 4401/4403 itself.
 */
export interface CloseCode {
	code: number;
	reason: string;
	/** Reconnecting cannot help: stop and tell the user. */
	fatal: boolean;
}

export const CLOSE_CODES = {
	unauthorized: { code: 4401, reason: 'unauthorized', fatal: true },
	forbidden: { code: 4403, reason: 'forbidden', fatal: true },
	/**
	 * The session that opened the socket ended (logout, password change, expiry, disabled account):
	 * reconnecting would be refused; the user has to log in again.
	 */
	sessionEnded: { code: 4440, reason: 'session-ended', fatal: true },
	/** Permissions changed (assignment, workflow state): reconnect to authenticate again. */
	authorizationChanged: { code: 4410, reason: 'authorization-changed', fatal: false },
	tooLarge: { code: 1009, reason: 'message-too-large', fatal: false },
	documentTooLarge: { code: 4413, reason: 'document-too-large', fatal: true },
	tooManyConnections: { code: 4429, reason: 'too-many-connections', fatal: false },
	loadFailed: { code: 4500, reason: 'document-load-failed', fatal: true },
	/** Storing an update failed: the server dropped its copy; reconnecting sends the edit again. */
	saveFailed: { code: 1011, reason: 'save-failed', fatal: false },
	shuttingDown: { code: 1012, reason: 'service-restart', fatal: false }
} as const satisfies Record<string, CloseCode>;

export type CloseCodeName = keyof typeof CLOSE_CODES;

export function closeCodeByNumber(code: number): CloseCodeName | undefined {
	return (Object.keys(CLOSE_CODES) as CloseCodeName[]).find((k) => CLOSE_CODES[k].code === code);
}

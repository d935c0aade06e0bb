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
	/** Resending the same message cannot succeed: stop and say so rather than retry forever. */
	tooLarge: { code: 1009, reason: 'message-too-large', fatal: true },
	documentTooLarge: { code: 4413, reason: 'document-too-large', fatal: true },
	/** An update would have written a malformed row into a structured block: refused, not stored. */
	invalidBlockData: { code: 4422, reason: 'invalid-block-data', fatal: true },
	/** A suggest-only (修订) connection's update changed text outside suggestion marks: refused. */
	suggestionsOnly: { code: 4424, reason: 'suggestions-only', fatal: true },
	tooManyConnections: { code: 4429, reason: 'too-many-connections', fatal: false },
	loadFailed: { code: 4500, reason: 'document-load-failed', fatal: true },
	/** Storing an update failed: the server dropped its copy; reconnecting sends the edit again. */
	saveFailed: { code: 1011, reason: 'save-failed', fatal: false },
	shuttingDown: { code: 1012, reason: 'service-restart', fatal: false },
	/**
	 * An update built on content this server does not hold (another instance stored it; it died
	 * before passing it on): not applied; reconnecting syncs in full, then the update applies.
	 */
	resync: { code: 4409, reason: 'resync', fatal: false }
} as const satisfies Record<string, CloseCode>;

export type CloseCodeName = keyof typeof CLOSE_CODES;

export function closeCodeByNumber(code: number): CloseCodeName | undefined {
	return (Object.keys(CLOSE_CODES) as CloseCodeName[]).find((k) => CLOSE_CODES[k].code === code);
}

/**
 * Hocuspocus closes one document of a shared socket with a CLOSE message that carries only the
 * reason, and the provider reports it as code 1000 — so the client finds the real code by reason.
 */
export function closeCodeByReason(reason: string): CloseCodeName | undefined {
	return (Object.keys(CLOSE_CODES) as CloseCodeName[]).find(
		(k) => CLOSE_CODES[k].reason === reason
	);
}

/** The close code a provider's close event stands for: by number, or for 1000 by its reason. */
export function closeCodeOf(event: { code: number; reason?: string }): CloseCodeName | undefined {
	return (
		closeCodeByNumber(event.code) ??
		(event.code === 1000 && event.reason ? closeCodeByReason(event.reason) : undefined)
	);
}

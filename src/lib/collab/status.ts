/** What the saved-state indicator says, and in which words (isomorphic, no Svelte). */
export type ConnectionStatus = 'connecting' | 'offline' | 'saving' | 'saved' | 'error';

/**
 * "Saved" only when the server has acknowledged every local change; anything unacknowledged while
 * disconnected is "offline" (kept in this browser), never "saved".
 */
export function deriveStatus(input: {
	connected: boolean;
	synced: boolean;
	unsyncedChanges: number;
	failed: boolean;
	everConnected: boolean;
}): ConnectionStatus {
	if (input.failed) return 'error';
	if (!input.connected) return input.everConnected ? 'offline' : 'connecting';
	if (!input.synced) return 'connecting';
	return input.unsyncedChanges > 0 ? 'saving' : 'saved';
}

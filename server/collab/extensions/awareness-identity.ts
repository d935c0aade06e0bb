/**
 * Presence is told by the server, not by the client (Hocuspocus 4's `beforeHandleAwareness`). The
 * `user` field of every awareness state a connection sends is overwritten with the session's own
 * identity, so nobody — a read-only member least of all — can appear as someone else. A connection
 * may also only speak for the Yjs clients it introduced: a state for a clientID that another
 * connection owns is dropped before it reaches anyone.
 */
import type {
	Connection,
	Extension,
	beforeHandleAwarenessPayload,
	onDisconnectPayload
} from '@hocuspocus/server';
import { userColor } from '../../../src/lib/collab/colors.ts';
import type { CollabContext } from '../context.ts';

export interface AwarenessUser {
	id: number;
	name: string;
	organization: string;
	color: string;
}

export class AwarenessIdentity implements Extension {
	extensionName = 'awareness-identity';
	/** Per document: which connection introduced each Yjs clientID. */
	#owners = new Map<string, Map<number, Connection>>();

	async beforeHandleAwareness({
		states,
		connection,
		documentName
	}: beforeHandleAwarenessPayload<CollabContext>) {
		if (!connection) return; // server-side writes speak for themselves
		const user = (connection.context as CollabContext | undefined)?.user;
		let owners = this.#owners.get(documentName);
		if (!owners) {
			owners = new Map();
			this.#owners.set(documentName, owners);
		}
		for (const [clientId, state] of states) {
			const owner = owners.get(clientId);
			if (owner && owner !== connection) {
				states.delete(clientId);
				continue;
			}
			owners.set(clientId, connection);
			// A removal (null state) carries no identity to fix.
			if (!state || !user) continue;
			state.user = {
				id: user.id,
				name: user.displayName,
				organization: (connection.context as CollabContext).organization,
				color: userColor(user.id)
			} satisfies AwarenessUser;
		}
	}

	async onDisconnect({ documentName, clientsCount }: onDisconnectPayload) {
		const owners = this.#owners.get(documentName);
		if (!owners) return;
		if (clientsCount === 0) {
			this.#owners.delete(documentName);
			return;
		}
		// Forget clientIDs whose connection is gone, so a reconnecting tab can reclaim its own.
		for (const [clientId, connection] of owners) {
			if (!connection.document.hasConnection(connection)) owners.delete(clientId);
		}
	}
}

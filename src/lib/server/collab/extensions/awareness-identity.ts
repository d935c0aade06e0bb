/**
 * Presence is told by the server, not by the client (Hocuspocus 4's `beforeHandleAwareness`). The
 * `user` field of every awareness state a connection sends is overwritten with the session's own
 * identity, so nobody — a read-only member least of all — can appear as someone else. A connection
 * may also only speak for the Yjs clients it introduced: a state for a clientID that another
 * connection owns is dropped before it reaches anyone, and a clientID stays its user's for a while
 * after they disconnect, so a reconnecting user cannot be impersonated in that window.
 */
import type {
	Connection,
	Extension,
	beforeHandleAwarenessPayload,
	onDisconnectPayload
} from '@hocuspocus/server';
import { userColor } from '../../../collab/colors.ts';
import type { CollabContext } from '../context.ts';

export interface AwarenessUser {
	id: number;
	name: string;
	organization: string;
	color: string;
}

/** How long a clientID stays its user's after their connection went (a reconnect takes seconds). */
export const CLIENT_ID_RETENTION_MS = 15 * 60_000;

interface Owner {
	userId: number;
	connection: Connection;
	/** When the owning connection went away; undefined while it is live. */
	releasedAt?: number;
}

export class AwarenessIdentity implements Extension {
	extensionName = 'awareness-identity';
	/**
	 * Per document: which user (and connection) introduced each Yjs clientID. A clientID stays bound
	 * to its user for a while after the connection closes, so nobody else can claim it in the window
	 * before its owner reconnects; the owner's own new connection takes it back.
	 */
	#owners = new Map<string, Map<number, Owner>>();
	#now: () => number;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	async beforeHandleAwareness({
		states,
		connection,
		documentName
	}: beforeHandleAwarenessPayload<CollabContext>) {
		if (!connection) return; // server-side writes speak for themselves
		const context = connection.context as CollabContext | undefined;
		const user = context?.user;
		let owners = this.#owners.get(documentName);
		if (!owners) {
			owners = new Map();
			this.#owners.set(documentName, owners);
		}
		this.#expire(owners);
		for (const [clientId, state] of states) {
			const owner = owners.get(clientId);
			// Another user's clientID — live or recently gone — is never this connection's to speak
			// for. The same user's is: that is their tab reconnecting, perhaps before the server has
			// noticed that the old socket died.
			if (owner && (!user || owner.userId !== user.id)) {
				states.delete(clientId);
				continue;
			}
			if (user) owners.set(clientId, { userId: user.id, connection });
			// A removal (null state) carries no identity to fix.
			if (!state || !user || !context) continue;
			state.user = {
				id: user.id,
				name: user.displayName,
				organization: context.organization,
				color: userColor(user.id)
			} satisfies AwarenessUser;
		}
	}

	async onDisconnect({ documentName }: onDisconnectPayload) {
		const owners = this.#owners.get(documentName);
		if (!owners) return;
		// Mark clientIDs whose connection is gone as released: still their user's for a while.
		const now = this.#now();
		for (const owner of owners.values()) {
			if (owner.releasedAt === undefined && this.#gone(owner)) owner.releasedAt = now;
		}
		this.#expireAll();
	}

	#lastSweep = 0;
	/** Now and then, forget expired clientIDs of every document (documents nobody opens again too). */
	#expireAll() {
		const now = this.#now();
		if (now - this.#lastSweep < 60_000) return;
		this.#lastSweep = now;
		for (const [name, owners] of this.#owners) {
			this.#expire(owners);
			if (owners.size === 0) this.#owners.delete(name);
		}
	}

	#gone(owner: Owner): boolean {
		return !owner.connection.document.hasConnection(owner.connection);
	}

	#expire(owners: Map<number, Owner>) {
		const cutoff = this.#now() - CLIENT_ID_RETENTION_MS;
		for (const [clientId, owner] of owners) {
			if (owner.releasedAt !== undefined && owner.releasedAt < cutoff) owners.delete(clientId);
		}
	}
}

/**
 * The collaboration server as the rest of the app sees it: a narrow face (read a document, change
 * one as a user, tell a document's connections something, counters) — never the Hocuspocus
 * instance. Access changes and ended sessions reach it as events (access-events.ts,
 * auth/session-events.ts), so services need not hold it for those either.
 *
 * The process has one collaboration server, created with the app (hooks.server.ts `init`) inside
 * its module graph — one database connection, one audit chain — and published on `globalThis`
 * for the HTTP entry (server/index.ts in production, server/dev-plugin.ts in development), which
 * loads the app from outside Vite's bundle and only attaches the server to its upgrade event.
 */
import type * as Y from 'yjs';
import type { Actor } from './actor.ts';
import { createCollabServer, type CollabServer } from './collab/index.ts';
import { getDb } from './db/index.ts';

export interface Collab {
	/**
	 * A copy of a document's current state: the live one when loaded, else what is stored (every
	 * acknowledged update is stored before its ack, so the two agree). The caller owns the copy.
	 */
	readDocument(name: string): Y.Doc;
	/** The same as one Yjs update (what an export hands to its worker thread). */
	readState(name: string): Uint8Array;
	/**
	 * Changes a document as `actor`, on the live copy (loaded if need be): connected editors receive
	 * it as an ordinary update and the log stores it as the actor's. `change` runs synchronously in
	 * one transaction; its result is returned once the change is in the log.
	 */
	editAs<T>(actor: Actor, name: string, change: (doc: Y.Doc) => T): Promise<T>;
	/** A stateless message to every connection of a loaded document (nothing when none is open). */
	announce(name: string, message: string): void;
	/**
	 * Commits the updates this event-loop turn has queued now rather than at its end, for server code
	 * that reads the log right after changing a document (history's version marks).
	 */
	flushUpdateLog(): void;
	/** Open connections and loaded documents (health check, benchmark probe). */
	stats(): { connections: number; documents: number };
	/**
	 * For /readyz: whether new sockets are admitted (false once draining before a shutdown) and the
	 * link to the other instances (`off` when there is one instance).
	 */
	readiness(): { accepting: boolean; redis: 'ok' | 'fail' | 'off' };
}

export const COLLAB_KEY = Symbol.for('lantu.collab');
type Holder = { [COLLAB_KEY]?: CollabServer };

export function getCollab(): Collab {
	const holder = globalThis as Holder;
	return (holder[COLLAB_KEY] ??= createCollabServer(getDb()));
}

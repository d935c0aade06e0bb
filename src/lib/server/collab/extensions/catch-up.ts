/**
 * Updates built on content the live document lacks. With one instance, what a client builds on is
 * in the live copy (acknowledged ⇒ stored ⇒ loaded). With several (cluster.ts), an instance that
 * dies may have stored — and acknowledged — updates it had not yet passed on over Redis; its
 * clients reconnect elsewhere and go on typing next to that content, and the provider sends new
 * updates before its reply to the server's sync step 1 (which holds everything). Yjs would keep such
 * an update pending and integrate it later unchecked; the block guard refuses one it cannot place.
 * So before the guards look at an update:
 * 1. the live document takes in what the store holds and it lacks (not logged again: the log has
 *    it) — the edits the dead instance acknowledged;
 * 2. an update that still depends on something missing (edits of this client nobody stored yet) is
 *    set aside, not applied: the connection is read-only for that one message (Hocuspocus's own
 *    path: nothing applied, "not saved" answered), the server asks the client for everything it
 *    lacks (a sync step 1), and the client's sync step 2 carries the set-aside content through
 *    the guards like any update. Each set-aside update is acknowledged only once the document
 *    contains it — acknowledged still means stored.
 */
import {
	OutgoingMessage,
	type afterHandleMessagePayload,
	type beforeSyncPayload,
	type Connection,
	type connectedPayload,
	type Extension
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../../collab/close-codes.ts';
import type { Logger } from '../../log.ts';
import type { CollabContext } from '../context.ts';
import type { DocumentStore } from '../store.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The transaction origin of content taken in from the store: persistence.ts does not log it again
 * (it is in the log); the Redis extension passes it on, so the other instances catch up too.
 */
export const CATCH_UP_ORIGIN = { source: 'local' as const, catchUp: true };

/** Updates one connection may have set aside; past it the socket is closed (resync). */
const MAX_SET_ASIDE = 200;

interface SetAside {
	/** Updates not applied, to acknowledge once the document contains them. */
	updates: Uint8Array[];
	/** This message's read-only was ours, to undo after it. */
	madeReadOnly: boolean;
}

export class CatchUp implements Extension {
	extensionName = 'catch-up';
	#store: DocumentStore;
	#log: Logger;
	#aside = new WeakMap<Connection, SetAside>();

	#onConnect: boolean;
	#latestUpdateId: (name: string) => number;
	#settledUpdateId: (name: string) => number;
	/**
	 * Per live document: a log id below which every row was committed when it last took in the store
	 * (the newest id equal to it: nothing new, no read).
	 */
	#caughtUpTo = new WeakMap<Y.Doc, number>();

	/**
	 * `onConnect` (several instances): every new connection first has the live document take in
	 * what the store holds and it lacks, so a reader who arrives after an instance died sees what
	 * that instance acknowledged even when nobody builds on it.
	 */
	constructor(
		store: DocumentStore,
		latestUpdateId: (name: string) => number,
		log: Logger,
		{
			onConnect = false,
			/** The newest id with every lower one committed (db/log-order.ts); SQLite: the newest. */
			settledUpdateId = latestUpdateId
		}: { onConnect?: boolean; settledUpdateId?: (name: string) => number } = {}
	) {
		this.#store = store;
		this.#latestUpdateId = latestUpdateId;
		this.#settledUpdateId = settledUpdateId;
		this.#log = log;
		this.#onConnect = onConnect;
	}

	async connected({ documentName, instance }: connectedPayload<CollabContext>) {
		if (!this.#onConnect) return;
		const document = instance.documents.get(documentName);
		if (document) this.#catchUp(document, documentName);
	}

	/** What the store holds and `document` lacks, applied (after Redis was away: index.ts). */
	takeInStored(document: Y.Doc, documentName: string): boolean {
		return this.#catchUp(document, documentName);
	}

	/** Applies what the store holds and `document` lacks; says whether there was any. */
	#catchUp(document: Y.Doc, documentName: string): boolean {
		// One indexed lookup decides whether the store has anything new since the last time, so a
		// client sending updates with made-up dependencies cannot make every message a full read.
		const latest = this.#latestUpdateId(documentName);
		if (this.#caughtUpTo.get(document) === latest) return false;
		// Not `latest`: on PostgreSQL a row below it may still be uncommitted, and once committed it
		// would not change the newest id — never read. Every row up to the settled id is read next.
		try {
			this.#caughtUpTo.set(document, this.#settledUpdateId(documentName));
		} catch (error) {
			// Appends in flight for too long: read what is there, and read again next time.
			this.#caughtUpTo.delete(document);
			this.#log.warn({ err: error, documentName }, 'log order not settled; catching up anyway');
		}
		const before = Y.encodeStateVector(document);
		Y.applyUpdate(document, this.#store.state(documentName), CATCH_UP_ORIGIN);
		if (sameBytes(before, Y.encodeStateVector(document))) return false;
		this.#log.info({ documentName }, 'took in stored updates this instance lacked');
		return true;
	}

	async beforeSync({
		type,
		document,
		documentName,
		payload,
		connection
	}: beforeSyncPayload<CollabContext>) {
		if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
		if (connection.readOnly) return; // nothing of it is applied anyway
		if (!missesDependencies(document, payload)) return;
		this.#catchUp(document, documentName);
		if (!missesDependencies(document, payload)) return;
		const aside = this.#asideOf(connection);
		if (aside.updates.length >= MAX_SET_ASIDE) {
			// No honest client gets here (its sync step 2 comes one round trip later).
			this.#log.warn(
				{ documentName, user: connection.context?.user.id },
				'too many updates set aside'
			);
			const { code, reason } = CLOSE_CODES.resync;
			connection.webSocket.close(code, reason);
			throw { code, reason };
		}
		aside.updates.push(payload.slice());
		aside.madeReadOnly = true;
		connection.readOnly = true;
		this.#log.info(
			{ documentName, user: connection.context?.user.id, waiting: aside.updates.length },
			'update set aside until the client sends what it builds on'
		);
		if (aside.updates.length === 1) {
			connection.send(
				new OutgoingMessage(connection.messageAddress)
					.createSyncMessage()
					.writeFirstSyncStepFor(document)
					.toUint8Array()
			);
		}
	}

	async afterHandleMessage({ connection, document }: afterHandleMessagePayload<CollabContext>) {
		const aside = this.#aside.get(connection);
		if (!aside) return;
		if (aside.madeReadOnly) {
			aside.madeReadOnly = false;
			connection.readOnly = false;
			return;
		}
		// A later message (the client's sync step 2) may have brought what was set aside.
		const snapshot = Y.snapshot(document);
		const still = aside.updates.filter((u) => !Y.snapshotContainsUpdate(snapshot, u));
		for (let i = still.length; i < aside.updates.length; i++) {
			connection.send(
				new OutgoingMessage(connection.messageAddress).writeSyncStatus(true).toUint8Array()
			);
		}
		if (still.length === 0) this.#aside.delete(connection);
		else aside.updates = still;
	}

	#asideOf(connection: Connection): SetAside {
		let aside = this.#aside.get(connection);
		if (!aside) {
			aside = { updates: [], madeReadOnly: false };
			this.#aside.set(connection, aside);
		}
		return aside;
	}
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * Whether integrating `update` needs structs neither the document nor the update holds: a gap
 * before the update's first struct of a client, or an origin / right origin / parent item that is
 * in neither.
 */
export function missesDependencies(doc: Y.Doc, update: Uint8Array): boolean {
	let structs: Struct[];
	try {
		structs = (Y.decodeUpdate(update) as { structs: Struct[] }).structs;
	} catch {
		return false; // not a Yjs update: applying it fails, and Hocuspocus refuses it
	}
	/** Per client, the clock up to which the document and the update together hold everything. */
	const held = new Map<number, number>();
	const heldUpTo = (client: number) => held.get(client) ?? Y.getState(doc.store, client);
	for (const struct of structs) {
		if (struct instanceof Y.Skip) return true; // the update itself says something is missing
		const { client, clock } = struct.id;
		if (clock > heldUpTo(client)) return true; // a gap the update does not fill
		held.set(client, Math.max(heldUpTo(client), clock + struct.length));
	}
	const known = (id: Y.ID | null) => id === null || id.clock < heldUpTo(id.client);
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		if (!known(struct.origin) || !known(struct.rightOrigin)) return true;
		const parent = struct.parent as unknown;
		if (parent instanceof Y.ID && !known(parent)) return true;
	}
	return false;
}

/**
 * After a failed commit of the update log (group-commit.ts), the documents in that commit hold in
 * memory updates that SQLite does not. Such a copy must never be served again: a client that
 * reconnected to it would find its own edit "already there", never send it again, and the edit
 * would never be stored — nor would anything built on it load after a restart. So their
 * connections are closed (the providers reconnect by themselves) and new connections to them wait
 * in `onConnect` until the stale copy has been unloaded; the next connection then loads what is on
 * disk, and each client's sync sends back what the disk lacks, now to be stored.
 *
 * A connection already past `onConnect` when the copy went stale (its authentication was still
 * running, e.g. while a PostgreSQL commit was in flight) would join the stale copy; the copy is
 * marked, and `beforeSync` refuses every sync message on it — the one that would send the content.
 */
import type {
	Document,
	Extension,
	Hocuspocus,
	afterUnloadDocumentPayload,
	beforeSyncPayload,
	onConfigurePayload,
	onConnectPayload
} from '@hocuspocus/server';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLOSE_CODES } from '../../../collab/close-codes.ts';

/** How long a connection waits for the stale copy to go before it is refused (and retries). */
const WAIT_MS = 10_000;

interface Held {
	unloaded: Promise<void>;
	release(): void;
}

export class Quarantine implements Extension {
	extensionName = 'quarantine';
	#instance: Hocuspocus | undefined;
	#held = new Map<string, Held>();
	/** The stale in-memory copies themselves: never synced to anyone again. */
	#stale = new WeakSet<Document>();

	async onConfigure({ instance }: onConfigurePayload) {
		this.#instance = instance;
	}

	/** Drops the in-memory copies of these documents; connections wait until they are gone. */
	isolate(documentNames: Iterable<string>) {
		const instance = this.#instance;
		if (!instance) return;
		for (const name of documentNames) {
			const document = instance.documents.get(name);
			if (!document) continue;
			this.#stale.add(document);
			if (this.#held.has(name)) continue;
			let release = () => {};
			const unloaded = new Promise<void>((resolve) => (release = resolve));
			this.#held.set(name, { unloaded, release });
			const { code, reason } = CLOSE_CODES.saveFailed;
			for (const connection of document.getConnections()) {
				connection.close({ code, reason }); // leaves the document now (Hocuspocus unloads it)
				connection.webSocket.close(code, reason); // and the provider reconnects
			}
			void instance.unloadDocument(document);
		}
	}

	async onConnect({ documentName }: onConnectPayload) {
		const held = this.#held.get(documentName);
		if (!held) return;
		const refused = sleep(WAIT_MS, undefined, { ref: false }).then(() => {
			throw { reason: CLOSE_CODES.saveFailed.reason };
		});
		await Promise.race([held.unloaded, refused]);
	}

	async beforeSync({ document, connection }: beforeSyncPayload) {
		if (!this.#stale.has(document)) return;
		const { code, reason } = CLOSE_CODES.saveFailed;
		connection.webSocket.close(code, reason); // the provider reconnects, and waits in onConnect
		throw { code, reason };
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
		this.#held.get(documentName)?.release();
		this.#held.delete(documentName);
	}
}

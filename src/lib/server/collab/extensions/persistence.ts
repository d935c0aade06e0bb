/**
 * Stores Yjs documents as an append-only update log plus a snapshot (DESIGN.md §5 Durability).
 *
 * Every update is queued from a synchronous Y.Doc 'update' listener: Yjs calls it inside the
 * transaction that applies the client's message, before Hocuspocus sends that client its "saved"
 * status. The queue (group-commit.ts) appends the turn's updates in one transaction and holds every
 * outgoing message until it has committed, so nothing is acknowledged — or shown to another
 * client — that is not already in SQLite. The debounced
 * `onStoreDocument` only asks the compactor (a worker thread) to fold the log into a snapshot,
 * which makes loading fast.
 *
 * A document whose stored state cannot be applied is never served empty (an empty document would
 * be stored over the real one): loading throws and the client is refused.
 */
import type {
	Extension,
	afterLoadDocumentPayload,
	afterUnloadDocumentPayload,
	onLoadDocumentPayload,
	onStoreDocumentPayload
} from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import type { Compactor } from '../compactor.ts';
import { CATCH_UP_ORIGIN } from './catch-up.ts';
import type { GroupCommit } from '../group-commit.ts';
import type { DocumentStore } from '../store.ts';
import type { CollabContext } from '../context.ts';
import type { Logger } from '../../log.ts';

export class Persistence implements Extension {
	extensionName = 'persistence';
	#store: DocumentStore;
	#updateLog: GroupCommit;
	#compactor: Compactor;
	#log: Logger;

	constructor(store: DocumentStore, updateLog: GroupCommit, compactor: Compactor, log: Logger) {
		this.#store = store;
		this.#updateLog = updateLog;
		this.#compactor = compactor;
		this.#log = log;
	}

	async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
		try {
			// Updates of an earlier incarnation of this document may still await their commit.
			this.#updateLog.commit();
			this.#store.load(documentName, document);
		} catch (error) {
			this.#log.error({ err: error, documentName }, 'document failed to load');
			throw { reason: 'document-load-failed' };
		}
		return document;
	}

	async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
		document.on('update', (update: Uint8Array, origin: unknown) => {
			// Another instance's update (it stored it), or stored content taken in (catch-up.ts).
			if (isTransactionOrigin(origin) && origin.source === 'redis') return;
			if (origin === CATCH_UP_ORIGIN) return;
			// A client's update is its connection's user's; a server-side change through a
			// DirectConnection (a history restore) is the user in that connection's context.
			const context = !isTransactionOrigin(origin)
				? undefined
				: origin.source === 'connection'
					? (origin.connection.context as CollabContext | undefined)
					: origin.source === 'local'
						? (origin.context as CollabContext | undefined)
						: undefined;
			// Synchronous on purpose: see the file comment.
			this.#updateLog.append(documentName, update, context?.user.id ?? null);
		});
	}

	async onStoreDocument({ documentName }: onStoreDocumentPayload) {
		// The log already holds every update; compaction only makes the next load faster, and runs
		// in a worker thread so encoding a large section never stalls the other clients. While the
		// section is open it waits for the log to grow (compactor.ts) ...
		this.#compactor.request(documentName);
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
		// ... and when the section is unloaded, it is folded whatever the log's length.
		this.#compactor.request(documentName, true);
	}
}

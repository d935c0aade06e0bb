/**
 * Size and load limits that keep one client from hurting everyone: connections per document, and
 * a document size cap checked before an update is applied (an update that would push a section past
 * the cap is refused with `document-too-large`, and the document stays as it was).
 *
 * The size is tracked cheaply: measured exactly when the document loads, then grown by the size of
 * each accepted update (an upper bound, since deletions are not subtracted until the next load) —
 * a client's before it is applied, any other (another instance's over Redis, one taken in from the
 * store, a server-side edit) once applied, so the cap holds however many instances clients write
 * through.
 */
import {
	isTransactionOrigin,
	type Extension,
	type afterLoadDocumentPayload,
	type afterUnloadDocumentPayload,
	type beforeHandleMessagePayload,
	type onAuthenticatePayload
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../../collab/close-codes.ts';
import { MAX_CONNECTIONS_PER_DOCUMENT, MAX_DOCUMENT_BYTES, MAX_MESSAGE_BYTES } from '../limits.ts';

const MESSAGE_SYNC = 0;
/** Hocuspocus applies a SyncReply's step 2 or update exactly like a Sync message's. */
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Bytes of document content a raw message would add: only sync step 2 and updates carry any. */
export function contentBytes(raw: Uint8Array): number {
	try {
		const decoder = decoding.createDecoder(raw);
		decoding.readVarString(decoder); // document address
		const type = decoding.readVarUint(decoder);
		if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return 0;
		const syncType = decoding.readVarUint(decoder);
		if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return 0;
		return decoding.readVarUint8Array(decoder).byteLength;
	} catch {
		// Malformed: Hocuspocus's own decoding will reject it.
		return 0;
	}
}

export class Limits implements Extension {
	extensionName = 'limits';
	#sizes = new Map<string, number>();
	readonly maxDocumentBytes: number;

	constructor(maxDocumentBytes = MAX_DOCUMENT_BYTES) {
		this.maxDocumentBytes = maxDocumentBytes;
	}

	async onAuthenticate({ instance, documentName }: onAuthenticatePayload) {
		const open = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
		if (open >= MAX_CONNECTIONS_PER_DOCUMENT)
			throw { reason: CLOSE_CODES.tooManyConnections.reason };
	}

	async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
		this.#sizes.set(documentName, Y.encodeStateAsUpdate(document).byteLength);
		document.on('update', (update: Uint8Array, origin: unknown) => {
			if (isTransactionOrigin(origin) && origin.source === 'connection') return; // counted before
			const size = this.#sizes.get(documentName);
			if (size !== undefined) this.#sizes.set(documentName, size + update.byteLength);
		});
	}

	async beforeHandleMessage({ documentName, update, connection }: beforeHandleMessagePayload) {
		// Only a writer's document content may exceed the message cap (size-limits.ts); the socket
		// already refused other large frames (index.ts).
		if (connection.readOnly) {
			if (update.byteLength > MAX_MESSAGE_BYTES) {
				const { code, reason } = CLOSE_CODES.tooLarge;
				throw { code, reason };
			}
			return; // its updates are refused anyway
		}
		const added = contentBytes(update);
		if (added === 0) return;
		const size = (this.#sizes.get(documentName) ?? 0) + added;
		if (size > this.maxDocumentBytes) {
			const { code, reason } = CLOSE_CODES.documentTooLarge;
			throw { code, reason };
		}
		this.#sizes.set(documentName, size);
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
		this.#sizes.delete(documentName);
	}
}

/**
 * Refuses a client's update that would leave a malformed block row (../block-guard.ts decides).
 * It runs in `beforeSync`, which Hocuspocus calls for sync step 2 and update messages — of both
 * the Sync and the SyncReply message types — before it applies them: a refused update is not
 * applied, so it is neither stored nor broadcast. The connection to that document is closed with
 * `invalid-block-data`, which the editor shows; the refusal is logged and audited.
 */
import type { Extension, beforeSyncPayload } from '@hocuspocus/server';
import { CLOSE_CODES } from '../../../collab/close-codes.ts';
import type { Logger } from '../../log.ts';
import { parseSectionDocumentName } from '../../../standard/sections.ts';
import { findBlockViolation } from '../block-guard.ts';
import type { CollabContext } from '../context.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export class BlockGuard implements Extension {
	extensionName = 'block-guard';
	#log: Logger;
	#audit: (entry: { userId: number; documentName: string; reason: string }) => void;

	constructor(
		log: Logger,
		audit: (entry: { userId: number; documentName: string; reason: string }) => void
	) {
		this.#log = log;
		this.#audit = audit;
	}

	async beforeSync({
		type,
		payload,
		document,
		documentName,
		connection
	}: beforeSyncPayload<CollabContext>) {
		if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
		if (connection.readOnly) return; // Hocuspocus applies nothing from it anyway
		if (!parseSectionDocumentName(documentName)) return;
		const violation = findBlockViolation(document, payload);
		if (!violation) return;
		const userId = connection.context?.user.id ?? 0;
		this.#log.warn(
			{ documentName, user: userId, violation },
			'update refused: malformed block data'
		);
		this.#audit({ userId, documentName, reason: violation });
		const { code, reason } = CLOSE_CODES.invalidBlockData;
		throw { code, reason };
	}
}

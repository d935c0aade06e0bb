/**
 * Refuses a suggest-only connection's update that changes content outside suggestion marks
 * (../suggest-guard.ts decides). Like the block guard it runs in `beforeSync` for sync step 2 and
 * updates, before Hocuspocus applies them: a refused update is neither stored nor broadcast, the
 * connection to that document is closed with `suggestions-only` (4424), which the editor shows,
 * and the refusal is logged and audited.
 */
import type { Extension, beforeSyncPayload } from '@hocuspocus/server';
import { CLOSE_CODES } from '../../../collab/close-codes.ts';
import type { Logger } from '../../../server/log.ts';
import { findSuggestViolation } from '../suggest-guard.ts';
import type { CollabContext } from '../context.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export class SuggestGuard implements Extension {
	extensionName = 'suggest-guard';
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
		if (connection.readOnly) return;
		const context = connection.context;
		if (!context?.suggestOnly) return;
		const userId = context.user.id;
		const violation = findSuggestViolation(document, payload, userId);
		if (!violation) return;
		this.#log.warn({ documentName, user: userId, violation }, 'update refused: suggestions only');
		this.#audit({ userId, documentName, reason: violation });
		const { code, reason } = CLOSE_CODES.suggestionsOnly;
		throw { code, reason };
	}
}

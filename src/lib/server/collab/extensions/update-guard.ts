/**
 * What the block guard and the suggest guard share: a check that runs in `beforeSync`, which
 * Hocuspocus calls for sync step 2 and update messages — of both the Sync and the SyncReply message
 * types — before it applies them. A refused update is not applied, so it is neither stored nor
 * broadcast; the connection to that document is closed with the guard's close code (the editor
 * says why), the refusal is logged every time and handed to `audit` (which rate-limits it).
 */
import type { Extension, beforeSyncPayload } from '@hocuspocus/server';
import type { Logger } from '../../log.ts';
import type { CollabContext } from '../context.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type RefusalAudit = (entry: {
	userId: number;
	documentName: string;
	reason: string;
}) => void;

export interface Refusal {
	code: number;
	reason: string;
}

export abstract class UpdateGuard implements Extension {
	abstract extensionName: string;
	readonly #log: Logger;
	readonly #audit: RefusalAudit;

	constructor(log: Logger, audit: RefusalAudit) {
		this.#log = log;
		this.#audit = audit;
	}

	/** The reason this connection's update to this document is refused, or null to let it pass. */
	protected abstract violation(
		payload: beforeSyncPayload<CollabContext>,
		userId: number
	): string | null;

	/** The close code and the log line of a refusal. */
	protected abstract refusal(): Refusal & { message: string };

	async beforeSync(payload: beforeSyncPayload<CollabContext>) {
		const { type, documentName, connection } = payload;
		if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
		if (connection.readOnly) return; // Hocuspocus applies nothing from it anyway
		const userId = connection.context?.user.id ?? 0;
		const violation = this.violation(payload, userId);
		if (!violation) return;
		const { code, reason, message } = this.refusal();
		this.#log.warn({ documentName, user: userId, violation }, message);
		this.#audit({ userId, documentName, reason: violation });
		throw { code, reason } satisfies Refusal;
	}
}

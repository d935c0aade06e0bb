/**
 * Refuses a suggest-only connection's update that changes content outside suggestion marks
 * (../suggest-guard.ts decides); the connection is closed with `suggestions-only` (4424)
 * (update-guard.ts: when and how).
 */
import type { beforeSyncPayload } from '@hocuspocus/server';
import { CLOSE_CODES } from '../../../collab/close-codes.ts';
import { findSuggestViolation } from '../suggest-guard.ts';
import type { CollabContext } from '../context.ts';
import { UpdateGuard } from './update-guard.ts';

export class SuggestGuard extends UpdateGuard {
	extensionName = 'suggest-guard';

	protected violation(
		{ document, payload, connection }: beforeSyncPayload<CollabContext>,
		userId: number
	) {
		if (!connection.context?.suggestOnly) return null;
		return findSuggestViolation(document, payload, userId);
	}

	protected refusal() {
		return { ...CLOSE_CODES.suggestionsOnly, message: 'update refused: suggestions only' };
	}
}

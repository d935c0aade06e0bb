/**
 * Refuses a client's update that would leave a malformed block row (../block-guard.ts decides);
 * the connection is closed with `invalid-block-data` (update-guard.ts: when and how).
 */
import type { beforeSyncPayload } from '@hocuspocus/server';
import { CLOSE_CODES } from '../../../collab/close-codes.ts';
import { parseSectionDocumentName } from '../../../standard/sections.ts';
import { findBlockViolation } from '../block-guard.ts';
import type { CollabContext } from '../context.ts';
import { UpdateGuard } from './update-guard.ts';

export class BlockGuard extends UpdateGuard {
	extensionName = 'block-guard';

	protected violation({ document, documentName, payload }: beforeSyncPayload<CollabContext>) {
		if (!parseSectionDocumentName(documentName)) return null;
		return findBlockViolation(document, payload);
	}

	protected refusal() {
		return { ...CLOSE_CODES.invalidBlockData, message: 'update refused: malformed block data' };
	}
}

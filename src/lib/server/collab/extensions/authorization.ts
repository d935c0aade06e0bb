/**
 * Decides, per document, whether a connection may write, only read, or not open it at all. The
 * socket was already authenticated from the session cookie at the upgrade; this maps that user to
 * the section through the same `collabAccess` the web app uses. A reader gets `readOnly`, so
 * Hocuspocus refuses its updates instead of the UI merely hiding the buttons; one who may only
 * suggest (修订) gets a writable connection marked `suggestOnly`, which the suggest guard holds to
 * suggestion marks.
 */
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { collabAccess } from '../../access.ts';
import { parseSectionDocumentName } from '../../../standard/sections.ts';
import { CLOSE_CODES } from '../../../collab/close-codes.ts';
import type { CollabContext } from '../context.ts';

export class Authorization implements Extension {
	extensionName = 'authorization';

	async onAuthenticate({
		context,
		documentName,
		connectionConfig
	}: onAuthenticatePayload<CollabContext>) {
		const forbidden = { reason: CLOSE_CODES.forbidden.reason };
		const target = parseSectionDocumentName(documentName);
		if (!context?.user || !target) throw forbidden;
		const access = collabAccess(context.user.id, target.planId, target.clause);
		if (access === 'none') throw forbidden;
		connectionConfig.readOnly = access === 'read';
		// Returned additions become this document's context (Hocuspocus merges them in).
		return { suggestOnly: access === 'suggest' };
	}
}

/**
 * Re-decides access for live connections to a plan's sections, when a service announces that a
 * fact the policy reads changed (access-events.ts): writers who lost write access become
 * read-only at once (a writer who may now only suggest is held to suggestions at once); those who
 * lost all access are closed.
 */
import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { CLOSE_CODES } from '../../collab/close-codes.ts';
import { parseSectionDocumentName } from '../../standard/sections.ts';
import { collabAccess } from '../access.ts';
import type { CollabContext } from './context.ts';

export function refreshAccess(
	hocuspocus: Hocuspocus<CollabContext>,
	planId: number,
	clause?: string
): void {
	eachConnection(hocuspocus, planId, clause, (connection, sectionClause) => {
		const user = connection.context?.user;
		const access = user ? collabAccess(user.id, planId, sectionClause) : 'none';
		const readOnly = access === 'read' || access === 'none';
		const suggestOnly = access === 'suggest';
		const same =
			readOnly === connection.readOnly && suggestOnly === !!connection.context?.suggestOnly;
		if (access !== 'none' && same) return;
		if (connection.context) connection.context.suggestOnly = suggestOnly;
		// Refuse further updates at once, then close the socket so the provider reconnects,
		// authenticates again and learns its new scope (Outline's "authorization changed").
		connection.readOnly = readOnly;
		const { code, reason } = CLOSE_CODES.authorizationChanged;
		connection.webSocket.close(code, reason);
	});
}

function eachConnection(
	hocuspocus: Hocuspocus<CollabContext>,
	planId: number,
	clause: string | undefined,
	fn: (c: Connection<CollabContext>, clause: string) => void
) {
	for (const document of hocuspocus.documents.values()) {
		const target = parseSectionDocumentName(document.name);
		if (!target || target.planId !== planId) continue;
		if (clause && target.clause !== clause) continue;
		for (const connection of document.getConnections())
			fn(connection as Connection<CollabContext>, target.clause);
	}
}

/**
 * Whether a suggestion is pending in a section's live draft: what a discussion of it (a comment
 * thread on a suggestion, comments.ts) is checked against, so a thread is only ever opened on a
 * suggestion that exists.
 */
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema as editorSchema } from '../../editor/schema.ts';
import { sectionDocumentName } from '../../standard/sections.ts';
import { suggestionIdsIn } from '../../suggestions/base.ts';
import { getCollab } from '../collab.ts';

export function pendingSuggestion(
	planId: number,
	clause: string,
	fragment: string,
	suggestionId: string
): boolean {
	const doc = getCollab().readDocument(sectionDocumentName(planId, clause));
	try {
		const pm = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(fragment), editorSchema);
		return [...suggestionIdsIn(pm)].some((id) => String(id) === suggestionId);
	} catch {
		return false;
	} finally {
		doc.destroy();
	}
}

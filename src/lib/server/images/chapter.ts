/**
 * Figure numbers run through a chapter (图 6-1 …), across its sections, but each section is its own
 * document: the section page is told how many figures the chapter's earlier sections hold, and the
 * order of its own prose fragments (body, then the items in the standard's order).
 */
import { BODY_FRAGMENT, itemFragmentName } from '../../editor/fragments.ts';
import { figuresOfFragment } from '../../images/figures.ts';
import { proseItems } from '../../templates/prose-items.ts';
import { findSection, SECTIONS, sectionDocumentName } from '../../standard/sections.ts';
import { getCollab } from '../collab.ts';

export function proseFragmentOrder(clause: string): string[] {
	return [BODY_FRAGMENT, ...proseItems(clause).map((item) => itemFragmentName(item.id))];
}

/** Figures in the sections of the chapter that come before this one. */
export function chapterFiguresBefore(planId: number, clause: string): number {
	const section = findSection(clause);
	if (!section) return 0;
	let count = 0;
	for (const other of SECTIONS) {
		if (other.clause === clause) break;
		if (other.activity !== section.activity) continue;
		const doc = getCollab().readDocument(sectionDocumentName(planId, other.clause));
		try {
			for (const name of proseFragmentOrder(other.clause))
				count += figuresOfFragment(doc.getXmlFragment(name)).length;
		} finally {
			doc.destroy();
		}
	}
	return count;
}

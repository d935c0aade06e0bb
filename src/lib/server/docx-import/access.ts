/**
 * The sections a member may import a Word file into now, and how (the policy's docxImportModes).
 * The one place the routes and pages ask; the plan's 可提修订 setting decides whether non-owners may
 * import as suggestions.
 */
import { docxImportModes, type DocxImportMode } from '../../policy/index.ts';
import { SECTIONS } from '../../standard/sections.ts';
import { sectionFacts, suggestionsOpen } from '../access.ts';

export function importModes(userId: number, planId: number, clause: string): DocxImportMode[] {
	const facts = sectionFacts(userId, planId, clause);
	return docxImportModes(facts.membership, facts.owners, facts.state, suggestionsOpen(planId));
}

export function importableSections(userId: number, planId: number): Map<string, DocxImportMode[]> {
	const modes = new Map<string, DocxImportMode[]>();
	for (const section of SECTIONS) {
		const allowed = importModes(userId, planId, section.clause);
		if (allowed.length > 0) modes.set(section.clause, allowed);
	}
	return modes;
}

/** The sections a member may import a Word file into now, and how (the policy's docxImportModes). */
import { docxImportModes, type DocxImportMode } from '../../policy/index.ts';
import { SECTIONS } from '../../standard/sections.ts';
import { sectionFacts } from '../access.ts';

export function importableSections(userId: number, planId: number): Map<string, DocxImportMode[]> {
	const modes = new Map<string, DocxImportMode[]>();
	for (const section of SECTIONS) {
		const facts = sectionFacts(userId, planId, section.clause);
		const allowed = docxImportModes(facts.membership, facts.owners, facts.state);
		if (allowed.length > 0) modes.set(section.clause, allowed);
	}
	return modes;
}

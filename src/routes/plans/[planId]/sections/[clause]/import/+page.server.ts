import { error } from '@sveltejs/kit';
import { canReadDraft, docxImportModes } from '#lib/policy/index.ts';
import { sectionFacts } from '#lib/server/access.ts';
import { DOCX_LIMITS } from '#lib/server/docx-import/archive.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { findSection } from '#lib/standard/sections.ts';
import type { PageServerLoad } from './$types';

/** The import page: what the member may do here (the API decides again on every upload). */
export const load: PageServerLoad = (event) => {
	const { plan, membership, user } = requirePlanMember(event);
	const section = findSection(event.params.clause);
	if (!section) error(404, { message: 'not found' });
	if (!canReadDraft(membership)) error(403, { message: 'forbidden' });
	const facts = sectionFacts(user.id, plan.id, section.clause);
	return {
		plan: { id: plan.id, name: plan.name },
		section: { clause: section.clause, title: section.title },
		modes: docxImportModes(facts.membership, facts.owners, facts.state),
		maxBytes: DOCX_LIMITS.maxFileBytes
	};
};

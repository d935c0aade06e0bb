import { error } from '@sveltejs/kit';
import { canReadDraft } from '#lib/policy/index.ts';
import { importModes } from '#lib/server/docx-import/access.ts';
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
	return {
		plan: { id: plan.id, name: plan.name },
		section: { clause: section.clause, title: section.title },
		modes: importModes(user.id, plan.id, section.clause),
		maxBytes: DOCX_LIMITS.maxFileBytes
	};
};

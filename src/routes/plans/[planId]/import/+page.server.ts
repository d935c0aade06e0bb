import { error } from '@sveltejs/kit';
import { canReadDraft } from '#lib/policy/index.ts';
import { DOCX_LIMITS } from '#lib/server/docx-import/archive.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

/** Importing a whole plan from one Word file; the API decides who may land what, per section. */
export const load: PageServerLoad = (event) => {
	const { plan, membership } = requirePlanMember(event);
	if (!canReadDraft(membership)) error(403, { message: 'forbidden' });
	return { plan: { id: plan.id, name: plan.name }, maxBytes: DOCX_LIMITS.maxFileBytes };
};

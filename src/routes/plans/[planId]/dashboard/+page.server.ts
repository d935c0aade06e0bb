import { error } from '@sveltejs/kit';
import { canReadDraft } from '#lib/policy/index.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { planDashboard } from '#lib/server/workspace.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, membership } = requirePlanMember(event);
	// Scores and findings describe the live draft, which participants do not read (DESIGN.md §1).
	if (!canReadDraft(membership)) error(403, { message: 'forbidden' });
	return planDashboard(plan, membership);
};

import { canReadDraft } from '#lib/roles.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { planHeader } from '#lib/server/workspace.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, membership } = requirePlanMember(event);
	const readsDraft = canReadDraft(membership);
	return {
		plan: planHeader(plan),
		readsDraft,
		/** Frozen versions arrive with the workflow (issue 6); the draft is what can be exported today. */
		versions: readsDraft ? [{ value: 'draft', kind: 'draft' as const }] : []
	};
};

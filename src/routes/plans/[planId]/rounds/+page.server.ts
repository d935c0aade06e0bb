import { listRounds } from '#lib/server/consultation/round-data.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan } = requirePlanMember(event);
	return { plan: { id: plan.id, name: plan.name }, rounds: listRounds(plan.id) };
};

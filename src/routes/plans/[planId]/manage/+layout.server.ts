import { requirePlanAdmin } from '#lib/server/guards.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const { plan } = requirePlanAdmin(event);
	return { plan: { id: plan.id, name: plan.name } };
};

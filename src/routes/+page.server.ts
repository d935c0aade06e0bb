import { requireUser } from '#lib/server/guards.ts';
import { plansOfUser } from '#lib/server/plans.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { plans: plansOfUser(user.id) };
};

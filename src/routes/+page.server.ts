import { requireUser } from '#lib/server/guards.ts';
import { plansOfUser } from '#lib/server/plans.ts';
import { todoOf } from '#lib/server/workflow/todo.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	// 待办 first: what awaits this user, before the plans they belong to.
	return { plans: plansOfUser(user.id), todo: todoOf(user.id), now: Date.now() };
};

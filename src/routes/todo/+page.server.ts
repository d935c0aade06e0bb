import { requireUser } from '#lib/server/guards.ts';
import { todoOf } from '#lib/server/workflow/todo.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { items: todoOf(user.id), now: Date.now() };
};

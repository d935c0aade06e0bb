import { now } from '#lib/server/clock.ts';
import { requireUser } from '#lib/server/guards.ts';
import { remindDueSteps } from '#lib/server/workflow/task-notices.ts';
import { todoOf } from '#lib/server/workflow/todo.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	// Reminders of steps coming due are sent when anyone looks (and with the housekeeping).
	remindDueSteps();
	return { items: todoOf(user.id), now: now() };
};

import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requirePlanMember } from '#lib/server/guards.ts';
import { activityAppendixA } from '#lib/server/workspace.ts';
import { ACTIVITIES } from '#lib/standard/sections.ts';
import type { PageServerLoad } from './$types';

const activityParam = z.enum(ACTIVITIES);

export const load: PageServerLoad = (event) => {
	const { plan, membership } = requirePlanMember(event);
	const activity = activityParam.safeParse(event.params.activity);
	if (!activity.success) error(404, { message: 'not found' });
	// Everyone in the plan sees Table A.1; fill status only for members who read the draft.
	return activityAppendixA(plan, membership, activity.data);
};

import { z } from 'zod';
import { idField } from '#lib/forms.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { DomainError } from '#lib/server/errors.ts';
import { requirePlanAdmin } from '#lib/server/guards.ts';
import { suggestionsOpen } from '#lib/server/access.ts';
import {
	assignSection,
	sectionOwners,
	setSuggestionsOpen,
	unassignSection
} from '#lib/server/plans.ts';
import { getOrganization, listOrganizations } from '#lib/server/users.ts';
import { ACTIVITIES, ACTIVITY_CHAPTER, SECTION_CLAUSES, SECTIONS } from '#lib/standard/sections.ts';
import type { Actions, PageServerLoad } from './$types';

const Assignment = z.object({
	clause: z.string().refine((c) => SECTION_CLAUSES.includes(c)),
	organizationId: idField
});

export const load: PageServerLoad = (event) => {
	const { plan } = requirePlanAdmin(event);
	const owners = sectionOwners(plan.id);
	return {
		suggestionsOpen: suggestionsOpen(plan.id),
		departments: listOrganizations()
			.filter((o) => o.type === 'government')
			.map((o) => ({ id: o.id, name: o.name })),
		activities: ACTIVITIES.map((activity) => ({
			activity,
			chapter: ACTIVITY_CHAPTER[activity],
			sections: SECTIONS.filter((s) => s.activity === activity).map((s) => ({
				clause: s.clause,
				title: s.title,
				owners: owners.get(s.clause) ?? []
			}))
		}))
	};
};

const Suggestions = z.object({ open: z.enum(['0', '1']) });

export const actions: Actions = {
	/** 可提修订 (issue 17): on or off for the whole plan. */
	suggestions: async (event) => {
		const { plan, user } = requirePlanAdmin(event);
		const parsed = parseForm(Suggestions, await event.request.formData(), 'suggestions');
		if (!parsed.ok) return parsed.failure;
		setSuggestionsOpen(plan.id, parsed.data.open === '1', user.id);
		return { form: 'suggestions', success: parsed.data.open === '1' ? 'opened' : 'closed' };
	},
	assign: async (event) => {
		const { plan, user } = requirePlanAdmin(event);
		const parsed = parseForm(Assignment, await event.request.formData(), 'sections');
		if (!parsed.ok) return parsed.failure;
		const { clause, organizationId } = parsed.data;
		const result = await attempt('sections', () => {
			if (getOrganization(organizationId)?.type !== 'government')
				throw new DomainError('not-government');
			assignSection(plan.id, clause, organizationId, user.id);
		});
		if (!result.ok) return result.failure;
		return { form: 'sections', success: 'assigned', clause };
	},
	unassign: async (event) => {
		const { plan, user } = requirePlanAdmin(event);
		const parsed = parseForm(Assignment, await event.request.formData(), 'sections');
		if (!parsed.ok) return parsed.failure;
		const { clause, organizationId } = parsed.data;
		unassignSection(plan.id, clause, organizationId, user.id);
		return { form: 'sections', success: 'unassigned', clause };
	}
};

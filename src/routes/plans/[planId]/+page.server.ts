import { canReadDraft, canWriteSection, hasRole } from '#lib/roles.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { activityStates, sectionOwners } from '#lib/server/plans.ts';
import { getDb, schema } from '#lib/server/db/index.ts';
import { ACTIVITIES, ACTIVITY_CHAPTER, SECTIONS } from '#lib/standard/sections.ts';
import { eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, membership } = requirePlanMember(event);
	const owners = sectionOwners(plan.id);
	const states = new Map(activityStates(plan.id).map((a) => [a.activity, a.state]));
	const lead = getDb()
		.select({ name: schema.organizations.name })
		.from(schema.organizations)
		.where(eq(schema.organizations.id, plan.leadOrganizationId))
		.get();
	const readsDraft = canReadDraft(membership);
	return {
		plan: {
			id: plan.id,
			name: plan.name,
			city: plan.city,
			periodStart: plan.periodStart,
			periodEnd: plan.periodEnd,
			leadOrganization: lead?.name ?? ''
		},
		roles: membership.roles,
		isAdmin: hasRole(membership, 'admin'),
		readsDraft,
		activities: ACTIVITIES.map((activity) => {
			const state = states.get(activity) ?? 'drafting';
			return {
				activity,
				chapter: ACTIVITY_CHAPTER[activity],
				state,
				sections: SECTIONS.filter((s) => s.activity === activity).map((s) => {
					const sectionOwners = owners.get(s.clause) ?? [];
					return {
						clause: s.clause,
						title: s.title,
						owners: sectionOwners.map((o) => o.name),
						writable: canWriteSection(
							membership,
							sectionOwners.map((o) => o.id),
							state
						)
					};
				})
			};
		})
	};
};

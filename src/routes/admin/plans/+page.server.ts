import { dayOf } from '#lib/dates.ts';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { idField, lineText } from '#lib/forms.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { getDb } from '#lib/server/db/index.ts';
import { DomainError } from '#lib/server/errors.ts';
import { requireSystemAdmin } from '#lib/server/guards.ts';
import { addMember, createPlan, listPlans } from '#lib/server/plans.ts';
import { getOrganization, getUser, listOrganizations, listUsers } from '#lib/server/users.ts';
import type { Actions, PageServerLoad } from './$types';

const year = z.coerce.number().int().min(2000).max(2100);
const CreatePlan = z.object({
	name: lineText.min(4).max(100),
	city: lineText.min(2).max(40),
	leadOrganizationId: idField,
	planAdminId: z.union([z.literal('self'), idField]).default('self'),
	periodStart: year,
	periodEnd: year,
	// Optional: an empty field is no 展望 year.
	horizonYear: z.preprocess((v) => (v === '' || v === undefined ? null : v), year.nullable())
});

export const load: PageServerLoad = (event) => {
	requireSystemAdmin(event);
	const organizations = listOrganizations().filter((o) => o.type === 'government');
	const users = listUsers()
		.filter((u) => u.organizationType === 'government' && u.disabledAt === null)
		.map((u) => ({ id: u.id, displayName: u.displayName, organizationId: u.organizationId }));
	const thisYear = Number(dayOf(Date.now()).slice(0, 4));
	return {
		plans: listPlans(),
		organizations,
		users,
		defaultStart: thisYear,
		defaultEnd: thisYear + 4
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireSystemAdmin(event);
		const parsed = parseForm(CreatePlan, await event.request.formData(), 'create');
		if (!parsed.ok) return parsed.failure;
		const { planAdminId, ...plan } = parsed.data;
		const result = await attempt('create', () => {
			const lead = getOrganization(plan.leadOrganizationId);
			if (!lead || lead.type !== 'government') throw new DomainError('not-government');
			const adminId = planAdminId === 'self' ? actor.id : planAdminId;
			const admin = getUser(adminId);
			if (!admin) throw new DomainError('invalid');
			return getDb().$client.transaction(() => {
				const planId = createPlan(plan, actor.id);
				addMember(planId, adminId, 'admin', actor.id);
				return planId;
			})();
		});
		if (!result.ok) return result.failure;
		redirect(303, `/plans/${result.value}/manage`);
	}
};

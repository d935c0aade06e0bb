import { z } from 'zod';
import { PLAN_ROLES, roleFitsOrganization } from '#lib/roles.ts';
import { idField } from '#lib/forms.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { DomainError } from '#lib/server/errors.ts';
import { requirePlanAdmin } from '#lib/server/guards.ts';
import { addMember, planMembers, removeMember } from '#lib/server/plans.ts';
import { getOrganization, getUser, listUsers } from '#lib/server/users.ts';
import type { Actions, PageServerLoad } from './$types';

const MemberRole = z.object({ userId: idField, role: z.enum(PLAN_ROLES) });

export const load: PageServerLoad = (event) => {
	const { plan } = requirePlanAdmin(event);
	const users = listUsers()
		.filter((u) => u.disabledAt === null)
		.map((u) => ({
			id: u.id,
			displayName: u.displayName,
			username: u.username,
			organization: u.organization,
			organizationType: u.organizationType
		}));
	return {
		members: planMembers(plan.id).map(({ disabledAt, ...m }) => ({
			...m,
			disabled: disabledAt !== null
		})),
		users,
		roles: PLAN_ROLES
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { plan, user: actor } = requirePlanAdmin(event);
		const parsed = parseForm(MemberRole, await event.request.formData(), 'add');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('add', () => {
			const user = getUser(parsed.data.userId);
			const org = user && getOrganization(user.organizationId);
			if (!user || !org) throw new DomainError('invalid');
			if (!roleFitsOrganization(parsed.data.role, org.type)) throw new DomainError('role-not-fit');
			addMember(plan.id, user.id, parsed.data.role, actor.id);
		});
		if (!result.ok) return result.failure;
		return { form: 'add', success: 'added' };
	},
	remove: async (event) => {
		const { plan, user: actor } = requirePlanAdmin(event);
		const parsed = parseForm(MemberRole, await event.request.formData(), 'members');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('members', () =>
			removeMember(plan.id, parsed.data.userId, parsed.data.role, actor.id)
		);
		if (!result.ok) return result.failure;
		return { form: 'members', success: 'removed' };
	}
};

import { z } from 'zod';
import { PLAN_ROLES, roleFitsOrganization } from '#lib/roles.ts';
import { idField } from '#lib/forms.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { DomainError } from '#lib/server/errors.ts';
import { requirePlanAdmin } from '#lib/server/guards.ts';
import { createInvite, INVITE_DAYS, listInvites, revokeInvite } from '#lib/server/invites.ts';
import { getOrganization, listOrganizations } from '#lib/server/users.ts';
import type { Actions, PageServerLoad } from './$types';

const CreateInvite = z.object({ organizationId: idField, role: z.enum(PLAN_ROLES) });
const InviteRef = z.object({ inviteId: idField });

export const load: PageServerLoad = (event) => {
	const { plan } = requirePlanAdmin(event);
	return {
		invites: listInvites(plan.id),
		organizations: listOrganizations().map((o) => ({ id: o.id, name: o.name, type: o.type })),
		days: INVITE_DAYS
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { plan, user } = requirePlanAdmin(event);
		const parsed = parseForm(CreateInvite, await event.request.formData(), 'create');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('create', () => {
			const org = getOrganization(parsed.data.organizationId);
			if (!org) throw new DomainError('invalid');
			if (!roleFitsOrganization(parsed.data.role, org.type)) throw new DomainError('role-not-fit');
			return createInvite(plan.id, org.id, parsed.data.role, user.id);
		});
		if (!result.ok) return result.failure;
		// The link is shown once; only its hash is stored.
		return { form: 'create', link: `${event.url.origin}/invite/${result.value.token}` };
	},
	revoke: async (event) => {
		const { plan, user } = requirePlanAdmin(event);
		const parsed = parseForm(InviteRef, await event.request.formData(), 'list');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('list', () =>
			revokeInvite(plan.id, parsed.data.inviteId, user.id)
		);
		if (!result.ok) return result.failure;
		return { form: 'list', success: 'revoked' };
	}
};

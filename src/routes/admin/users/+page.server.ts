import { z } from 'zod';
import { ORGANIZATION_TYPES } from '#lib/roles.ts';
import {
	checkboxField,
	displayNameField,
	idField,
	passwordField,
	usernameField
} from '#lib/forms.ts';
import { disableUserRefusal } from '#lib/policy/index.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { requireSystemAdmin } from '#lib/server/guards.ts';
import {
	createUser,
	getUser,
	listOrganizations,
	listUsers,
	setPassword,
	setUserDisabled
} from '#lib/server/users.ts';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const CreateUser = z.object({
	displayName: displayNameField,
	username: usernameField,
	organizationId: idField,
	password: passwordField,
	isSystemAdmin: checkboxField
});
const UserRef = z.object({ userId: idField });
const ResetPassword = z.object({ userId: idField, password: passwordField });

export const load: PageServerLoad = (event) => {
	requireSystemAdmin(event);
	return {
		users: listUsers().map((u) => ({
			...u,
			disabled: u.disabledAt !== null,
			disabledAt: undefined
		})),
		organizations: listOrganizations(),
		organizationTypes: ORGANIZATION_TYPES
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireSystemAdmin(event);
		const parsed = parseForm(CreateUser, await event.request.formData(), 'create');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('create', () => createUser(parsed.data, actor.id));
		if (!result.ok) return result.failure;
		return { form: 'create', success: parsed.data.username };
	},
	disable: async (event) => {
		const actor = requireSystemAdmin(event);
		const parsed = parseForm(UserRef, await event.request.formData(), 'row');
		if (!parsed.ok) return parsed.failure;
		if (disableUserRefusal(actor.id, parsed.data.userId))
			return fail(400, { form: 'row', error: 'self', details: {} });
		if (!getUser(parsed.data.userId))
			return fail(404, { form: 'row', error: 'invalid', details: {} });
		// Ending the account's sessions closes its live sockets too (auth/session-events.ts).
		setUserDisabled(parsed.data.userId, true, actor.id);
		return { form: 'row', success: 'disabled' };
	},
	enable: async (event) => {
		const actor = requireSystemAdmin(event);
		const parsed = parseForm(UserRef, await event.request.formData(), 'row');
		if (!parsed.ok) return parsed.failure;
		if (!getUser(parsed.data.userId))
			return fail(404, { form: 'row', error: 'invalid', details: {} });
		setUserDisabled(parsed.data.userId, false, actor.id);
		return { form: 'row', success: 'enabled' };
	},
	resetPassword: async (event) => {
		const actor = requireSystemAdmin(event);
		const parsed = parseForm(ResetPassword, await event.request.formData(), 'row');
		if (!parsed.ok) return parsed.failure;
		if (!getUser(parsed.data.userId))
			return fail(404, { form: 'row', error: 'invalid', details: {} });
		await setPassword(parsed.data.userId, parsed.data.password, actor.id);
		return { form: 'row', success: 'password' };
	}
};

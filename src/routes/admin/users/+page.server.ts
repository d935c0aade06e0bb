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
import type { Actions, PageServerLoad, RequestEvent } from './$types';

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

/**
 * A row action on one existing account, by the system admin. `act` may refuse with a code
 * (the page's 400); an unknown account is a 404.
 */
async function onUser<S extends typeof UserRef>(
	event: RequestEvent,
	schemaFor: S,
	success: 'disabled' | 'enabled' | 'password',
	act: (data: z.infer<S>, actorId: number) => 'self' | void | Promise<void>
) {
	const actor = requireSystemAdmin(event);
	const parsed = parseForm(schemaFor, await event.request.formData(), 'row');
	if (!parsed.ok) return parsed.failure;
	if (!getUser(parsed.data.userId))
		return fail(404, { form: 'row', error: 'invalid', details: {} });
	const refusal = await act(parsed.data, actor.id);
	if (refusal) return fail(400, { form: 'row', error: refusal, details: {} });
	return { form: 'row', success };
}

export const actions: Actions = {
	create: async (event) => {
		const actor = requireSystemAdmin(event);
		const parsed = parseForm(CreateUser, await event.request.formData(), 'create');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('create', () => createUser(parsed.data, actor.id));
		if (!result.ok) return result.failure;
		return { form: 'create', success: parsed.data.username };
	},
	disable: (event) =>
		onUser(event, UserRef, 'disabled', (data, actorId) => {
			if (disableUserRefusal(actorId, data.userId)) return 'self';
			// Ending the account's sessions closes its live sockets too (auth/session-events.ts).
			setUserDisabled(data.userId, true, actorId);
		}),
	enable: (event) =>
		onUser(event, UserRef, 'enabled', (data, actorId) => {
			setUserDisabled(data.userId, false, actorId);
		}),
	resetPassword: (event) =>
		onUser(event, ResetPassword, 'password', (data, actorId) =>
			setPassword(data.userId, data.password, actorId)
		)
};

import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { displayNameField, passwordField, usernameField } from '#lib/forms.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { setSessionCookie } from '#lib/server/auth/cookie.ts';
import {
	createSession,
	generateSessionToken,
	invalidateSession
} from '#lib/server/auth/session.ts';
import { acceptInvite, findInvite } from '#lib/server/invites.ts';
import type { Actions, PageServerLoad } from './$types';

const AcceptInvite = z.object({
	displayName: displayNameField,
	username: usernameField,
	password: passwordField
});

export const load: PageServerLoad = ({ params, locals }) => {
	const invite = findInvite(params.token);
	if (!invite) return { invite: null, status: 'not-found' as const };
	return {
		invite: { planName: invite.planName, organization: invite.organization, role: invite.role },
		status: invite.status,
		currentUser: locals.user?.displayName ?? null
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, locals, getClientAddress }) => {
		const parsed = parseForm(AcceptInvite, await request.formData(), 'accept');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('accept', () =>
			acceptInvite(params.token, parsed.data, getClientAddress())
		);
		if (!result.ok) return result.failure;
		if (locals.session) invalidateSession(locals.session.id);
		const token = generateSessionToken();
		const session = createSession(token, result.value.userId);
		setSessionCookie(cookies, token, session.absoluteExpiresAt, url.protocol === 'https:');
		redirect(303, `/plans/${result.value.planId}`);
	}
};

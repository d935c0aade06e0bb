import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { lineText } from '#lib/forms.ts';
import { attemptLogin } from '#lib/server/auth/login.ts';
import { createSession, generateSessionToken } from '#lib/server/auth/session.ts';
import { setSessionCookie } from '#lib/server/auth/cookie.ts';
import { config } from '#lib/server/config.ts';
// Only same-site paths, so a crafted link cannot bounce the user to another site after login.
import { sameSitePath } from '#lib/server/security/redirect.ts';
import type { Actions, PageServerLoad } from './$types';

const LoginForm = z.object({
	username: lineText.min(1).max(64),
	password: z.string().min(1).max(256)
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, sameSitePath(url.searchParams.get('redirectTo')));
	return { demo: config.SEED_DEMO };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = LoginForm.safeParse(form);
		const username = typeof form.username === 'string' ? form.username : '';
		if (!parsed.success) return fail(400, { username, error: 'required' as const });

		const outcome = await attemptLogin(
			parsed.data.username,
			parsed.data.password,
			getClientAddress()
		);
		if (!outcome.ok) {
			if (outcome.reason === 'throttled') {
				return fail(429, {
					username,
					error: 'throttled' as const,
					minutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60))
				});
			}
			return fail(outcome.reason === 'disabled' ? 403 : 400, { username, error: outcome.reason });
		}
		const token = generateSessionToken();
		const session = createSession(token, outcome.userId);
		setSessionCookie(cookies, token, session.absoluteExpiresAt, url.protocol === 'https:');
		redirect(303, sameSitePath(url.searchParams.get('redirectTo')));
	}
};

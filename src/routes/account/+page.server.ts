import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { passwordField } from '#lib/forms.ts';
import { parseForm } from '#lib/server/actions.ts';
import { verifyPasswordThrottled } from '#lib/server/auth/throttle.ts';
import { requireUser } from '#lib/server/guards.ts';
import { config } from '#lib/server/config.ts';
import { getUser, setEmail, setPassword } from '#lib/server/users.ts';
import type { Actions, PageServerLoad } from './$types';

const ChangePassword = z
	.object({
		current: z.string().min(1).max(256),
		password: passwordField,
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, {
		message: 'error:password-mismatch',
		path: ['confirm']
	});

/** The notification e-mail: empty clears it; otherwise a plain address (no display name). */
const Email = z.object({
	email: z
		.string()
		.trim()
		.max(254)
		.transform((v) => v.toLowerCase())
		.pipe(z.union([z.literal(''), z.email({ error: 'error:email-invalid' })]))
});

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		account: {
			displayName: user.displayName,
			username: user.username,
			email: getUser(user.id)?.email ?? ''
		},
		mailOn: !!config.SMTP_URL
	};
};

export const actions: Actions = {
	email: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(Email, await event.request.formData(), 'email');
		if (!parsed.ok) return parsed.failure;
		const email = parsed.data.email || null;
		setEmail(user.id, email);
		return { form: 'email', success: email ? 'saved' : 'cleared' };
	},
	password: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(ChangePassword, await event.request.formData(), 'password');
		if (!parsed.ok) return parsed.failure;
		const stored = getUser(user.id);
		if (!stored) return fail(400, { form: 'password', error: 'password-current', details: {} });
		// The same throttle as the login: the current-password field is no side door for guessing.
		const check = await verifyPasswordThrottled(
			stored.username,
			stored.passwordHash,
			parsed.data.current,
			event.getClientAddress()
		);
		if (!check.ok && check.reason === 'throttled') {
			const minutes = Math.max(1, Math.ceil(check.retryAfterSeconds / 60));
			return fail(429, {
				form: 'password',
				error: 'password-current-throttled',
				details: { minutes }
			});
		}
		if (!check.ok) {
			return fail(400, { form: 'password', error: 'password-current', details: {} });
		}
		await setPassword(user.id, parsed.data.password, user.id, event.locals.session?.id);
		return { form: 'password', success: 'saved' };
	}
};

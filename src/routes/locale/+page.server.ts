import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { cookieMaxAge, cookieName, locales } from '#lib/paraglide/runtime.js';
import { sameSitePath } from '#lib/server/security/redirect.ts';
import type { Actions, PageServerLoad } from './$types';

const LocaleForm = z.object({
	locale: z.enum(locales),
	redirectTo: z.string().startsWith('/').default('/')
});

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const parsed = LocaleForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) redirect(303, '/');
		cookies.set(cookieName, parsed.data.locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax'
		});
		redirect(303, sameSitePath(parsed.data.redirectTo));
	}
};

import { redirect } from '@sveltejs/kit';
import { appendAudit } from '#lib/server/audit/index.ts';
import { deleteSessionCookie } from '#lib/server/auth/cookie.ts';
import { invalidateSession } from '#lib/server/auth/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies, getClientAddress }) => {
		if (locals.session && locals.user) {
			invalidateSession(locals.session.id);
			appendAudit({ action: 'logout', actorId: locals.user.id, ip: getClientAddress() });
		}
		deleteSessionCookie(cookies);
		redirect(303, '/login');
	}
};

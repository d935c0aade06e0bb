import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { idField } from '#lib/forms.ts';
import { requireUser } from '#lib/server/guards.ts';
import { listNotifications, markRead } from '#lib/server/notifications.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		notifications: listNotifications(user.id).map((n) => ({
			...n,
			createdAt: n.createdAt.getTime()
		}))
	};
};

const openSchema = z.object({ id: idField });

export const actions: Actions = {
	/** Opening a notification marks it read and goes where it points. */
	open: async (event) => {
		const user = requireUser(event);
		const parsed = openSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) redirect(303, '/inbox');
		const target = listNotifications(user.id, 500).find((n) => n.id === parsed.data.id);
		markRead(user.id, [parsed.data.id]);
		// Links are app paths written by the server; anything else goes back to the inbox.
		const link =
			target?.link.startsWith('/') && !target.link.startsWith('//') ? target.link : '/inbox';
		redirect(303, link);
	},
	readAll: (event) => {
		const user = requireUser(event);
		markRead(user.id);
		redirect(303, '/inbox');
	}
};

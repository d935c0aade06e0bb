import { canAdministerSite } from '#lib/policy/index.ts';
import { config } from '#lib/server/config.ts';
import { unreadCount } from '#lib/server/notifications.ts';
import { todoOf } from '#lib/server/workflow/todo.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, depends }) => {
	// The inbox badge: pages that change notifications invalidate 'app:inbox'.
	depends('app:inbox');
	return {
		user: locals.user
			? {
					id: locals.user.id,
					displayName: locals.user.displayName,
					username: locals.user.username,
					/** 系统管理 in the header: the policy's word, not the flag. */
					mayAdministerSite: canAdministerSite(locals.user)
				}
			: null,
		unread: locals.user ? unreadCount(locals.user.id) : 0,
		/** The 待办 badge: computed from the state, refreshed with the inbox's. */
		todo: locals.user ? todoOf(locals.user.id).length : 0,
		/** The zone every date is shown in (TIME_ZONE), for the browser's formatting too. */
		timeZone: config.TIME_ZONE
	};
};

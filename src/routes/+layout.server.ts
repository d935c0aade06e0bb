import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user
		? {
				id: locals.user.id,
				displayName: locals.user.displayName,
				username: locals.user.username,
				isSystemAdmin: locals.user.isSystemAdmin
			}
		: null
});

import { requireSystemAdmin } from '#lib/server/guards.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	requireSystemAdmin(event);
	return {};
};

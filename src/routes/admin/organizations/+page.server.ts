import { z } from 'zod';
import { lineText } from '#lib/forms.ts';
import { ORGANIZATION_TYPES } from '#lib/roles.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { requireSystemAdmin } from '#lib/server/guards.ts';
import { createOrganization, listOrganizations } from '#lib/server/users.ts';
import type { Actions, PageServerLoad } from './$types';

const CreateOrganization = z.object({
	name: lineText.min(2).max(60),
	type: z.enum(ORGANIZATION_TYPES)
});

export const load: PageServerLoad = (event) => {
	requireSystemAdmin(event);
	return { organizations: listOrganizations(), types: ORGANIZATION_TYPES };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireSystemAdmin(event);
		const parsed = parseForm(CreateOrganization, await event.request.formData(), 'create');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('create', () =>
			createOrganization(parsed.data.name, parsed.data.type, actor.id)
		);
		if (!result.ok) return result.failure;
		return { form: 'create', success: parsed.data.name };
	}
};

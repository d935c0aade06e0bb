import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { canConfirmManualCheck, canReadDraft } from '#lib/policy/index.ts';
import { actorOf } from '#lib/server/actor.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { confirmManualCheck, revokeManualCheck } from '#lib/server/manual-checks.ts';
import { planDashboard } from '#lib/server/workspace.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, membership } = requirePlanMember(event);
	// Scores and findings describe the live draft, which participants do not read (DESIGN.md §1).
	if (!canReadDraft(membership)) error(403, { message: 'forbidden' });
	return planDashboard(plan, membership);
};

const ManualCheck = z.object({
	checkId: z
		.string()
		.max(40)
		.regex(/^manual:[\d.]+$/)
});

/** A manual check confirmed or withdrawn (issue 18): reviewers and the plan admin (policy). */
function manualAction(form: 'confirm' | 'revoke') {
	return async (event: Parameters<Actions[string]>[0]) => {
		const { plan, membership } = requirePlanMember(event);
		if (!canConfirmManualCheck(membership)) error(403, { message: 'forbidden' });
		const parsed = parseForm(ManualCheck, await event.request.formData(), form);
		if (!parsed.ok) return parsed.failure;
		const actor = actorOf(event);
		const result = await attempt(form, () =>
			(form === 'confirm' ? confirmManualCheck : revokeManualCheck)(
				actor,
				plan.id,
				parsed.data.checkId
			)
		);
		if (!result.ok) return result.failure;
		return { form, success: form, checkId: parsed.data.checkId };
	};
}

export const actions: Actions = {
	confirm: manualAction('confirm'),
	revoke: manualAction('revoke')
};

import { error } from '@sveltejs/kit';
import { canReadDraft } from '#lib/policy/index.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { restoreRefusal, sectionHistory, versionView } from '#lib/server/history.ts';
import { findSection } from '#lib/standard/sections.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, membership, user } = requirePlanMember(event);
	const section = findSection(event.params.clause);
	if (!section) error(404, { message: 'not found' });
	// Participants read published versions, not the live draft or its history (DESIGN.md §1).
	if (!canReadDraft(membership)) error(403, { message: 'forbidden' });
	const history = sectionHistory(plan.id, section.clause);
	const raw = event.url.searchParams.get('v');
	const wanted = raw === null ? NaN : Number(raw);
	const selected =
		Number.isSafeInteger(wanted) && wanted > 0 && wanted <= history.latest
			? versionView(plan.id, section.clause, wanted)
			: null;
	return {
		plan: { id: plan.id, name: plan.name },
		section: { clause: section.clause, title: section.title },
		history,
		selected,
		restore: restoreRefusal(user.id, plan.id, section.clause)
	};
};

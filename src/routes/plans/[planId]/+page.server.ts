import { canReadDraft } from '#lib/policy/index.ts';
import { openThreadCounts } from '#lib/server/comments.ts';
import { importableSections } from '#lib/server/docx-import/access.ts';
import { listRounds } from '#lib/server/consultation/rounds.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { loadActivityProgress } from '#lib/server/workflow/queries.ts';
import { planOverview } from '#lib/server/workspace.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, membership, user } = requirePlanMember(event);
	// Completion comes from the live draft: planOverview leaves it out for participants. Workflow
	// progress (states, version hashes, sign-off counts) is not draft content: everyone sees it.
	return {
		...planOverview(plan, membership),
		workflow: loadActivityProgress(plan.id),
		openThreads: canReadDraft(membership) ? openThreadCounts(plan.id) : {},
		rounds: listRounds(plan.id).filter((r) => r.phase === 'open' || r.phase === 'scheduled'),
		/** Whether the member may import a Word file into some section now (docx-import). */
		docxImport: importableSections(user.id, plan.id).size > 0
	};
};

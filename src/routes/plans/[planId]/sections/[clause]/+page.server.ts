import { error } from '@sveltejs/kit';
import { canConfirmManualCheck, canReadDraft } from '#lib/policy/index.ts';
import { collabAccess, sectionAccess } from '#lib/server/access.ts';
import { importModes } from '#lib/server/docx-import/access.ts';
import { listThreads, mentionableMembers } from '#lib/server/comments.ts';
import { getDb, schema } from '#lib/server/db/index.ts';
import { chapterFigures } from '#lib/server/images/chapter.ts';
import { proseFragmentOrder } from '#lib/images/sequence.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { activityStates, sectionOwners } from '#lib/server/plans.ts';
import { sectionWorkspace } from '#lib/server/section-workspace.ts';
import { pendingOpinionSuggestions } from '#lib/server/suggestions/opinions.ts';
import { loadSectionOpinions } from '#lib/server/workflow/queries.ts';
import { adoptedForRevision } from '#lib/server/feedback/queries.ts';
import { proseItems } from '#lib/templates/prose-items.ts';
import {
	ACTIVITY_CHAPTER,
	findSection,
	SECTIONS,
	sectionDocumentName
} from '#lib/standard/sections.ts';
import { getTemplate } from '#lib/templates/registry.ts';
import { eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, membership, user } = requirePlanMember(event);
	const section = findSection(event.params.clause);
	const template = getTemplate(event.params.clause);
	if (!section || !template) error(404, { message: 'not found' });
	// Participants read published versions, not the live draft (DESIGN.md §1).
	if (!canReadDraft(membership)) error(403, { message: 'forbidden' });
	const state =
		activityStates(plan.id).find((a) => a.activity === section.activity)?.state ?? 'drafting';
	const organization = getDb()
		.select({ name: schema.organizations.name })
		.from(schema.organizations)
		.where(eq(schema.organizations.id, user.organizationId))
		.get();
	return {
		plan: { id: plan.id, name: plan.name },
		section: {
			clause: section.clause,
			title: section.title,
			activity: section.activity,
			chapter: ACTIVITY_CHAPTER[section.activity],
			state,
			owners: (sectionOwners(plan.id).get(section.clause) ?? []).map((o) => o.name),
			items: proseItems(section.clause),
			guidance: template.guidance,
			notes: template.notes ?? [],
			structured: template.structured,
			appendixA: template.appendixA
		},
		period: { start: plan.periodStart, end: plan.periodEnd },
		workspace: sectionWorkspace(plan, template),
		/** Whether the member may confirm the section's manual checks (issue 18). */
		canConfirmManual: canConfirmManualCheck(membership),
		neighbours: neighbours(section.clause),
		opinions: loadSectionOpinions(plan.id, section.clause, section.activity),
		/** 5.1.3 feedback adopted for this revision (src/lib/server/feedback/). */
		adoptedFeedback: adoptedForRevision(plan.id, section.clause),
		documentName: sectionDocumentName(plan.id, section.clause),
		access: sectionAccess(user.id, plan.id, section.clause),
		/** Whether the member may import a Word file here (docx-import). */
		docxImport: importModes(user.id, plan.id, section.clause).length > 0,
		/** The live document's scope: 'suggest' is writable inside suggestion marks only (修订). */
		collab: collabAccess(user.id, plan.id, section.clause),
		/** Suggestions applied from consultation 修改建议, by mark id (deciding answers the opinion). */
		opinionSuggestions: pendingOpinionSuggestions(plan.id, section.clause).map((r) => ({
			suggestionId: r.suggestionId,
			threadId: r.threadId,
			roundId: r.roundId
		})),
		comments: {
			threads: listThreads(plan.id, section.clause, user.id),
			members: mentionableMembers(plan.id)
		},
		me: {
			id: user.id,
			name: user.displayName,
			organization: organization?.name ?? '',
			organizationId: user.organizationId
		},
		figures: {
			planId: plan.id,
			clause: section.clause,
			...chapterFigures(plan.id, section.clause),
			fragmentOrder: proseFragmentOrder(section.clause)
		}
	};
};

/** The sections before and after, so one can walk the standard from 6.1 to 9.4. */
function neighbours(clause: string) {
	const index = SECTIONS.findIndex((s) => s.clause === clause);
	const pick = (i: number) => {
		const s = SECTIONS[i];
		return s ? { clause: s.clause, title: s.title } : null;
	};
	return { previous: pick(index - 1), next: pick(index + 1) };
}

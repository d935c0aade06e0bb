/**
 * What the plan-level pages show: the section tree with completion, the conformance dashboard and
 * Appendix A per activity. Everything derived from the live draft (completion, scores, findings,
 * fill status) is computed only for members who may read the draft: participants get the structure
 * and nothing that tells what the draft says.
 */
import { eq } from 'drizzle-orm';
import {
	evaluatePlan,
	MANUAL_CHECKS,
	openItems,
	readyForReview,
	scoreByChapter,
	type PlanChecklist,
	type PlanData
} from '../conformance/index.ts';
import {
	canConfirmManualCheck,
	canManagePlan,
	canReadDraft,
	canWriteSection
} from '../policy/index.ts';
import type { Membership } from '../roles.ts';
import {
	ACTIVITIES,
	ACTIVITY_CHAPTER,
	SECTIONS,
	findSection,
	type Activity
} from '../standard/sections.ts';
import { APPENDIX_A_GAPS, appendixAOf } from '../templates/appendix-a.ts';
import { BLOCKS } from '../templates/blocks/index.ts';
import { findItem } from '../templates/registry.ts';
import type { SectionTarget } from '../templates/types.ts';
import {
	combineStatus,
	sectionCompletion,
	targetStatus,
	type Completion,
	type FillStatus
} from '../workspace/fill-status.ts';
import { pointerHref, sectionHref } from '../workspace/links.ts';
import { getDb, schema } from './db/index.ts';
import type { Plan } from './db/schema.ts';
import { loadPlanData } from './plan-data.ts';
import { activityStates, sectionOwners } from './plans.ts';

export type { Completion, FillStatus };

export function planHeader(plan: Plan) {
	const lead = getDb()
		.select({ name: schema.organizations.name })
		.from(schema.organizations)
		.where(eq(schema.organizations.id, plan.leadOrganizationId))
		.get();
	return {
		id: plan.id,
		name: plan.name,
		city: plan.city,
		periodStart: plan.periodStart,
		periodEnd: plan.periodEnd,
		leadOrganization: lead?.name ?? ''
	};
}

function statesOf(
	planId: number
): Map<Activity, ReturnType<typeof activityStates>[number]['state']> {
	return new Map(activityStates(planId).map((a) => [a.activity as Activity, a.state]));
}

/** The draft's data and its checklist, for members who may read the draft. */
function conformance(plan: Plan): { data: PlanData; checklist: PlanChecklist } {
	const data = loadPlanData(plan);
	return { data, checklist: evaluatePlan(data) };
}

function openRequiredCount(checklist: PlanChecklist, activity: Activity): number {
	return openItems(checklist, { activity, level: 'required' }).length;
}

/** The plan page: activities and their sections, with completion for those who read the draft. */
export function planOverview(plan: Plan, membership: Membership) {
	const readsDraft = canReadDraft(membership);
	const owners = sectionOwners(plan.id);
	const states = statesOf(plan.id);
	const checklist = readsDraft ? conformance(plan).checklist : undefined;
	const scores = checklist
		? new Map(scoreByChapter(checklist).map((s) => [s.activity, s]))
		: undefined;
	return {
		plan: planHeader(plan),
		roles: membership.roles,
		isAdmin: canManagePlan(membership),
		readsDraft,
		activities: ACTIVITIES.map((activity) => {
			const state = states.get(activity) ?? 'drafting';
			return {
				activity,
				chapter: ACTIVITY_CHAPTER[activity],
				state,
				progress: checklist
					? {
							score: scores?.get(activity)?.score ?? 0,
							ready: readyForReview(checklist, activity),
							openRequired: openRequiredCount(checklist, activity)
						}
					: null,
				sections: SECTIONS.filter((s) => s.activity === activity).map((s) => {
					const sectionOwnersOf = owners.get(s.clause) ?? [];
					const sectionChecklist = checklist?.sections.find((c) => c.clause === s.clause);
					return {
						clause: s.clause,
						title: s.title,
						owners: sectionOwnersOf.map((o) => o.name),
						writable: canWriteSection(
							membership,
							sectionOwnersOf.map((o) => o.id),
							state
						),
						completion: sectionChecklist ? sectionCompletion(sectionChecklist) : null
					};
				})
			};
		})
	};
}

/** The dashboard: scores per chapter, readiness per activity, open items with where to fix them. */
export function planDashboard(plan: Plan, membership: Membership) {
	const { checklist } = conformance(plan);
	const states = statesOf(plan.id);
	const isAdmin = canManagePlan(membership);
	const titles = new Map(SECTIONS.map((s) => [s.clause, s.title]));
	const chapters = scoreByChapter(checklist).map((score) => ({
		...score,
		state: states.get(score.activity) ?? 'drafting',
		ready: readyForReview(checklist, score.activity),
		openRequired: openRequiredCount(checklist, score.activity),
		sections: checklist.sections
			.filter((s) => s.activity === score.activity)
			.map((s) => ({ clause: s.clause, title: s.title, completion: sectionCompletion(s) }))
	}));
	const items = openItems(checklist).map((item, index) => {
		const section = item.section ? findSection(item.section) : undefined;
		const fixable = item.pointer.kind !== 'plan' || isAdmin;
		return {
			key: `${item.ruleId}/${index}`,
			ruleId: item.ruleId,
			clause: item.clause,
			label: item.label,
			level: item.level,
			message: item.message,
			section: section ? { clause: section.clause, title: titles.get(section.clause) ?? '' } : null,
			activity: section?.activity ?? null,
			href: fixable ? pointerHref(plan.id, item.pointer) : null
		};
	});
	const required = chapters.reduce(
		(sum, c) => ({ pass: sum.pass + c.required.pass, fail: sum.fail + c.required.fail }),
		{ pass: 0, fail: 0 }
	);
	return {
		plan: planHeader(plan),
		isAdmin,
		chapters,
		required,
		openItems: items,
		manualChecks: manualCheckList(plan, checklist, titles),
		canConfirm: canConfirmManualCheck(membership)
	};
}

/** The manual checks, each with where it stands (who confirmed it, when, or changed since). */
function manualCheckList(plan: Plan, checklist: PlanChecklist, titles: Map<string, string>) {
	const results = new Map(checklist.sections.flatMap((s) => s.results).map((r) => [r.id, r]));
	return MANUAL_CHECKS.map((check) => ({
		id: check.id,
		clause: check.clause,
		label: check.label,
		text: check.text,
		why: check.why,
		level: check.level,
		section: { clause: check.section, title: titles.get(check.section) ?? '' },
		activity: findSection(check.section)?.activity ?? null,
		href: sectionHref(plan.id, check.section),
		manual: results.get(check.id)?.manual ?? { state: 'unconfirmed' as const }
	}));
}

interface TargetView {
	section: string;
	sectionTitle: string;
	/** What inside the section: an item's label or a block's heading; null for the whole section. */
	part: string | null;
	href: string | null;
	status: FillStatus | null;
}

function targetAnchor(target: SectionTarget): string {
	if (target.item) return `#item-${target.item}`;
	if (target.block) return `#block-${target.block}`;
	return '';
}

function targetPart(target: SectionTarget): string | null {
	if (target.item) return findItem(target.item)?.item.label ?? target.item;
	if (target.block) return BLOCKS[target.block].label;
	return null;
}

/** Table A.1 for one activity, with where each input comes from and how far each output is written. */
export function activityAppendixA(plan: Plan, membership: Membership, activity: Activity) {
	const readsDraft = canReadDraft(membership);
	const evaluated = readsDraft ? conformance(plan) : undefined;
	const states = statesOf(plan.id);
	const view = (target: SectionTarget): TargetView => ({
		section: target.section,
		sectionTitle: findSection(target.section)?.title ?? '',
		part: targetPart(target),
		href: readsDraft ? `${sectionHref(plan.id, target.section)}${targetAnchor(target)}` : null,
		status: evaluated ? targetStatus(evaluated.checklist, evaluated.data, target) : null
	});
	const rows = appendixAOf(activity).map((row) => ({
		clause: row.clause,
		name: row.name,
		isSection: findSection(row.clause) !== undefined,
		inputsOpen: row.inputsOpen,
		outputsOpen: row.outputsOpen,
		inputs: row.inputs.map((input) => {
			const producers = input.producedBy.map(view);
			return {
				text: input.text,
				producers,
				status:
					evaluated && producers.length > 0
						? combineStatus(producers.map((p) => p.status ?? 'empty'))
						: null
			};
		}),
		outputs: row.outputs.map((output) => ({ text: output.text, target: view(output.filledIn) }))
	}));
	const sections = SECTIONS.filter((s) => s.activity === activity).map((s) => {
		const sectionChecklist = evaluated?.checklist.sections.find((c) => c.clause === s.clause);
		return {
			clause: s.clause,
			title: s.title,
			completion: sectionChecklist ? sectionCompletion(sectionChecklist) : null
		};
	});
	return {
		plan: planHeader(plan),
		readsDraft,
		activity,
		chapter: ACTIVITY_CHAPTER[activity],
		state: states.get(activity) ?? 'drafting',
		rows,
		sections,
		/** Sections the standard requires but Table A.1 has no row for (8.7). */
		gaps: APPENDIX_A_GAPS.filter((gap) => findSection(gap.clause)?.activity === activity).map(
			(gap) => ({ clause: gap.clause, title: findSection(gap.clause)?.title ?? '', note: gap.note })
		)
	};
}

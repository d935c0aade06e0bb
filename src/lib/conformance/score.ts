/** Dashboard summaries of a plan checklist: a score per chapter and the list of open items. */
import { ACTIVITIES, ACTIVITY_CHAPTER, type Activity } from '../standard/sections.ts';
import type { Finding, PlanChecklist, RuleLevel, RuleResult } from './types.ts';

export interface Tally {
	pass: number;
	fail: number;
	na: number;
}

export interface ChapterScore {
	activity: Activity;
	chapter: string;
	required: Tally;
	recommended: Tally;
	/**
	 * Share of applicable required rules that pass, 0–100, rounded down so that 100 means done.
	 * Recommended rules are counted but do not move it: they do not gate review either.
	 */
	score: number;
}

function tally(results: readonly RuleResult[]): Tally {
	const count = (status: RuleResult['status']) => results.filter((r) => r.status === status).length;
	return { pass: count('pass'), fail: count('fail'), na: count('na') };
}

function resultsOf(checklist: PlanChecklist, activity: Activity): RuleResult[] {
	return checklist.sections.filter((s) => s.activity === activity).flatMap((s) => s.results);
}

export function scoreByChapter(checklist: PlanChecklist): ChapterScore[] {
	return ACTIVITIES.map((activity) => {
		const results = resultsOf(checklist, activity);
		const required = tally(results.filter((r) => r.level === 'required'));
		const applicable = required.pass + required.fail;
		return {
			activity,
			chapter: ACTIVITY_CHAPTER[activity],
			required,
			recommended: tally(results.filter((r) => r.level === 'recommended')),
			score: applicable === 0 ? 100 : Math.floor((100 * required.pass) / applicable)
		};
	});
}

export interface OpenItem extends Finding {
	ruleId: string;
	clause: string;
	/** Section whose checklist holds the rule; null for plan-wide rules. */
	section: string | null;
	label: string;
	level: RuleLevel;
}

export interface OpenItemsOptions {
	/** Only this activity's sections (plan-wide rules are always included: they concern every one). */
	activity?: Activity;
	/** Only rules of this level. */
	level?: RuleLevel;
	/** Rule ids waived (with a reason, recorded elsewhere); they are not open. */
	waived?: ReadonlySet<string>;
}

/** Every finding of every failed rule, required before recommended, otherwise in plan order. */
export function openItems(checklist: PlanChecklist, options: OpenItemsOptions = {}): OpenItem[] {
	const sections = checklist.sections.filter(
		(s) => options.activity === undefined || s.activity === options.activity
	);
	const results = [...checklist.plan, ...sections.flatMap((s) => s.results)].filter(
		(r) => (options.level === undefined || r.level === options.level) && !options.waived?.has(r.id)
	);
	const items = results.flatMap((r) =>
		r.status === 'fail'
			? r.findings.map((f) => ({
					ruleId: r.id,
					clause: r.clause,
					section: r.section,
					label: r.label,
					level: r.level,
					message: f.message,
					pointer: f.pointer
				}))
			: []
	);
	// Array#sort is stable: plan order is kept within each level.
	return items.sort((a, b) => Number(a.level !== 'required') - Number(b.level !== 'required'));
}

/** Whether an activity may go to review: no required rule of it (or of the plan) open or unwaived. */
export function readyForReview(
	checklist: PlanChecklist,
	activity: Activity,
	waived: ReadonlySet<string> = new Set()
): boolean {
	return openItems(checklist, { activity, level: 'required', waived }).length === 0;
}

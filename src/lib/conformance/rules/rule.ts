import type { Finding, ManualState, Outcome, RuleResultBase } from '../types.ts';
import type { PlanView } from '../view.ts';

/** A rule: its identity (what the checklist shows) and the check. */
export interface Rule extends RuleResultBase {
	check(view: PlanView): Outcome;
	/** Manual checks only (manual.ts): where the reviewer's confirmation stands. */
	manual?(view: PlanView): ManualState;
}

export const PASS: Outcome = { status: 'pass' };
export const NA: Outcome = { status: 'na' };

/** Pass when nothing was found, fail with the findings otherwise. */
export function outcome(findings: readonly Finding[]): Outcome {
	const [first, ...rest] = findings;
	return first ? { status: 'fail', findings: [first, ...rest] } : PASS;
}

export function fail(finding: Finding): Outcome {
	return { status: 'fail', findings: [finding] };
}

export function yearOf(isoDate: string): number | null {
	return isoDate ? Number(isoDate.slice(0, 4)) : null;
}

export function withinPeriod(year: number, view: PlanView): boolean {
	return year >= view.context.periodStart && year <= view.context.periodEnd;
}

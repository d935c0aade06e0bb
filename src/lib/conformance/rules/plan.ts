/** Plan-wide rules: clause 4.3's planning period. */
import { checkPlanPeriod } from '../../plan-period.ts';
import { LABELS, MESSAGES } from '../messages.ts';
import { fail, PASS, type Rule } from './rule.ts';

export const periodRule: Rule = {
	id: '4.3.period',
	clause: '4.3',
	label: LABELS.period,
	// The standard says 一般 (typically): a longer or shorter period is a warning with its reason, never
	// a refusal (a 2025—2030 plan, or one with a 展望2035 horizon, is legitimate).
	level: 'recommended',
	section: null,
	check(view) {
		const problem = checkPlanPeriod(view.context.periodStart, view.context.periodEnd);
		return problem
			? fail({ message: MESSAGES.period(problem), pointer: { kind: 'plan', field: 'period' } })
			: PASS;
	}
};

export const PLAN_RULES: readonly Rule[] = [periodRule];

/** Evaluates the rules over a plan: one checklist per section, plus the plan-wide rules. */
import { TEMPLATES } from '../templates/registry.ts';
import { RULES } from './rules/index.ts';
import type { Rule } from './rules/rule.ts';
import type { PlanChecklist, PlanData, RuleResult, SectionChecklist } from './types.ts';
import { PlanView } from './view.ts';

function run(rule: Rule, view: PlanView): RuleResult {
	const { id, clause, label, level, section } = rule;
	const manual = rule.manual?.(view);
	return { id, clause, label, level, section, ...rule.check(view), ...(manual ? { manual } : {}) };
}

function sectionChecklist(clause: string, view: PlanView): SectionChecklist | undefined {
	const template = TEMPLATES.find((t) => t.clause === clause);
	if (!template) return undefined;
	return {
		clause,
		title: template.title,
		activity: template.activity,
		results: RULES.filter((r) => r.section === clause).map((r) => run(r, view))
	};
}

export function evaluatePlan(plan: PlanData): PlanChecklist {
	const view = new PlanView(plan);
	return {
		plan: RULES.filter((r) => r.section === null).map((r) => run(r, view)),
		sections: TEMPLATES.flatMap((t) => sectionChecklist(t.clause, view) ?? [])
	};
}

/**
 * One section's checklist. It still needs the whole plan: traceability and consistency rules read
 * other sections (goals read 6.5's needs and 6.1's vision).
 */
export function evaluateSection(plan: PlanData, clause: string): SectionChecklist | undefined {
	return sectionChecklist(clause, new PlanView(plan));
}

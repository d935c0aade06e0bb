/**
 * The rule catalogue. Levels, in one place:
 *
 * | rule | clause | level |
 * |---|---|---|
 * | 4.3.period | 4.3 | required |
 * | item:<id> | the item's | required for items of the standard's body, recommended for Table A.1's |
 * | 6.3.indicators, 6.5.needs | 6.3, 6.5.1 | required |
 * | 6.4.body | 6.4 (建议) | recommended |
 * | 7.3.1.levels, 7.3.3.b, 7.3.3.f | 7.3.1, 7.3.3 | required |
 * | 7.3.3.a/c/d/e | 7.3.3 | recommended: judgements, approximated |
 * | trace.needs-goals, trace.needs-projects | 7.1.1, 5.2.4 | required |
 * | trace.projects-goals | 9.1.1 | recommended |
 * | 3.2.8.x, 8.1.tree, 8.1.three-levels, 8.3.2.systems, 8.3.3.interfaces | 3.2, 8.1.3, B.1.1, 8.3.2, 8.3.3 | required |
 * | 9.1.key-projects, 9.1.4.a, 9.1.4.b | 9.1.1, 9.1.4 | required |
 * | 9.1.period, 9.2.models, 9.3.phases | 4.3, 9.2.2, 9.3.2 (宜) | recommended |
 * | 4.3.period, 8.1.three-levels | 4.3 (一般), B.1.1 (资料性附录, 宜) | recommended |
 * | 4.1.4.stakeholders, 7.3.2.phase-goals, 6.3.used-by-goals | 4.1.4, 7.3.2, 6.3 | required |
 * | 9.1.2.priorities, 9.1.2.phase-order, 9.1.funding-sources, 9.3.investment-totals | 9.1.2, 9.1.4, 9.3.2 | required |
 * | 6.3.indicator-system, 6.4.register, 9.1.project-library | 6.3, 6.4, 9.1.4 | recommended |
 * | 9.1.fiscal-capacity, 9.1.ppp-red-line | 5.2.4 (with 财金〔2015〕21号) | recommended, required (NA without figures) |
 * | 8.2.data-catalog | 8.2.1 | recommended |
 * | manual:<clause> | 4.1.1, 4.1.2, 4.1.5, 4.1.6, 4.2, 9.1.2 (应) / 8.1.1, 9.3.1 (宜) | required / recommended: a named reviewer confirms (manual.ts) |
 */
import { ARCHITECTURE_RULES } from './architecture.ts';
import { dataCatalogRule } from './data-catalog.ts';
import { FISCAL_RULES } from './fiscal.ts';
import { GOAL_RULES } from './goals.ts';
import { INVESTMENT_RULES } from './investment.ts';
import { itemRules } from './items.ts';
import { MANUAL_RULES } from './manual.ts';
import { PLAN_RULES } from './plan.ts';
import { REQUIREMENTS_RULES } from './requirements.ts';
import { ROADMAP_RULES } from './roadmap.ts';
import type { Rule } from './rule.ts';
import { TRACEABILITY_RULES } from './traceability.ts';

export const RULES: readonly Rule[] = [
	...PLAN_RULES,
	...itemRules(),
	...REQUIREMENTS_RULES,
	...GOAL_RULES,
	...ARCHITECTURE_RULES,
	dataCatalogRule,
	...ROADMAP_RULES,
	...INVESTMENT_RULES,
	...FISCAL_RULES,
	...TRACEABILITY_RULES,
	...MANUAL_RULES
];

export type { Rule } from './rule.ts';

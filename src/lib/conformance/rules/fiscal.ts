/**
 * 财政承受能力 (5.2.4's 政府与社会资金, checked against the city's budget): every year in which the
 * plan spends 财政资金 states that year's 一般公共预算支出, and no year's PPP obligations pass the
 * 10% line of 财金〔2015〕21号. Neither is in GB/T 36333's text; the labels say where they come from.
 */
import { fiscalYears, formatShare, PPP_RED_LINE } from '../fiscal.ts';
import { formatWan } from '../investment.ts';
import type { Finding } from '../types.ts';
import type { PlanView } from '../view.ts';
import { blockPointer, rowPointer } from './fields.ts';
import { NA, outcome, type Rule } from './rule.ts';

export const FISCAL_WORDS = {
	coverage: '安排财政资金的每个年度都填写了一般公共预算支出（财政承受能力）',
	redLine: '每年全部PPP项目财政支出责任不超过一般公共预算支出的10%（财金〔2015〕21号）',
	noBudget: (year: number, fiscal: string) =>
		`${year}年安排财政资金 ${fiscal} 万元，财政承受能力表没有该年度的一般公共预算支出。`,
	overLine: (year: number, share: string) =>
		`${year}年全部PPP项目财政支出责任占一般公共预算支出 ${share}，超过10%的红线。`
} as const;

function yearsOf(view: PlanView) {
	return fiscalYears(view.rows('9.1', 'funding'), view.rows('9.1', 'fiscalCapacity'));
}

function capacityPointer(view: PlanView, row: number | null, field: string) {
	const rows = view.rows('9.1', 'fiscalCapacity');
	return row === null
		? blockPointer('9.1', 'fiscalCapacity', field)
		: rowPointer('9.1', 'fiscalCapacity', row, rows[row].id, field);
}

/** Recommended: a plan can be written before the finance bureau has its figures. */
export const fiscalCoverageRule: Rule = {
	id: '9.1.fiscal-capacity',
	clause: '5.2.4',
	label: FISCAL_WORDS.coverage,
	level: 'recommended',
	section: '9.1',
	check(view) {
		const years = yearsOf(view).filter((y) => y.planFiscal > 0);
		if (years.length === 0) return NA;
		const findings: Finding[] = years
			.filter((y) => y.budget === null)
			.map((y) => ({
				message: FISCAL_WORDS.noBudget(y.year, formatWan(y.planFiscal)),
				pointer: capacityPointer(view, y.row, 'budget')
			}));
		return outcome(findings);
	}
};

/** Required where the figures are given: a plan over the line cannot be approved. */
export const pppRedLineRule: Rule = {
	id: '9.1.ppp-red-line',
	clause: '5.2.4',
	label: FISCAL_WORDS.redLine,
	level: 'required',
	section: '9.1',
	check(view) {
		const years = yearsOf(view).filter((y) => y.pppShare !== null);
		if (years.length === 0) return NA;
		const findings: Finding[] = years
			.filter((y) => (y.pppShare ?? 0) > PPP_RED_LINE)
			.map((y) => ({
				message: FISCAL_WORDS.overLine(y.year, formatShare(y.pppShare ?? 0)),
				pointer: capacityPointer(view, y.row, 'pppObligations')
			}));
		return outcome(findings);
	}
};

export const FISCAL_RULES: readonly Rule[] = [fiscalCoverageRule, pppRedLineRule];

import { defineBlock } from './fields.ts';

/**
 * 财政承受能力: by year, the city's 一般公共预算支出 and what every PPP project already asks of it,
 * entered from the budget report and the finance bureau's PPP ledger. The plan's own 财政资金 per
 * year comes from the funding table (conformance/fiscal.ts computes the shares), so it is never
 * typed twice. The 10% line is 财金〔2015〕21号's: each year, the fiscal obligations of all PPP
 * projects may not exceed 10% of 一般公共预算支出.
 */
export const fiscalCapacityBlock = defineBlock({
	key: 'fiscalCapacity',
	label: '财政承受能力',
	rowLabel: '年度',
	fields: [
		{ key: 'year', label: '年度', kind: 'year' },
		{
			key: 'budget',
			label: '一般公共预算支出',
			kind: 'number',
			unit: '万元',
			hint: '当年一般公共预算支出（决算、预算或中期财政规划数）'
		},
		{
			key: 'pppObligations',
			label: '全部PPP项目财政支出责任',
			kind: 'number',
			unit: '万元',
			hint: '当年全部PPP项目（含存量项目）需从预算安排的支出责任'
		},
		{ key: 'source', label: '数据来源', kind: 'text', hint: '如：2025年预算报告、中期财政规划' }
	]
});

import { defineBlock } from './fields.ts';

/** Construction (建设期) or operation (运营期) spending: budgets and approvals treat them apart. */
export const SPENDING_KINDS = [
	{ value: 'construction', label: '建设' },
	{ value: 'operation', label: '运营' }
] as const;

/** The funding sources of a row, in display order; each is a number field in 万元. */
export const FUNDING_SOURCES = ['fiscal', 'bond', 'social', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * 投资估算与资金筹措: one row per key project, year and kind of spending, split by source. The sum of
 * a project's rows is its funding; the conformance rules hold it against the project's 资金估算 and the
 * phases' investment. 社会资本 is money enterprises put in; it is not added into 财政资金.
 */
export const fundingBlock = defineBlock({
	key: 'funding',
	label: '投资估算与资金筹措',
	rowLabel: '资金安排',
	fields: [
		{
			key: 'project',
			label: '重点工程',
			kind: 'reference',
			section: '9.1',
			block: 'keyProjects',
			multiple: false
		},
		{ key: 'year', label: '年度', kind: 'year' },
		{ key: 'kind', label: '类别', kind: 'enum', options: SPENDING_KINDS },
		{ key: 'fiscal', label: '财政资金', kind: 'number', unit: '万元' },
		{ key: 'bond', label: '专项债', kind: 'number', unit: '万元' },
		{ key: 'social', label: '社会资本', kind: 'number', unit: '万元' },
		{ key: 'other', label: '其他资金', kind: 'number', unit: '万元' },
		{ key: 'note', label: '说明', kind: 'text' }
	]
});

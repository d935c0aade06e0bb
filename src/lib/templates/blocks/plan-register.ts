import { defineBlock } from './fields.ts';

/** The level of the body that issued a related plan: alignment runs from national down to local. */
export const PLAN_LEVELS = [
	{ value: 'national', label: '国家' },
	{ value: 'provincial', label: '省级' },
	{ value: 'municipal', label: '市级' },
	{ value: 'sectoral', label: '部门或行业' }
] as const;

/**
 * 6.4's register of related plans (十五五规划纲要, 数字中国建设整体布局规划, the province's own…): what
 * each says about digital development and how this design aligns with it. Goals point at rows here
 * (goals.plans), which gives 7.3.3 e) an alignment matrix instead of a free-text mention.
 */
export const planRegisterBlock = defineBlock({
	key: 'planRegister',
	label: '相关规划登记',
	rowLabel: '规划',
	fields: [
		{ key: 'name', label: '规划名称', kind: 'text' },
		{ key: 'level', label: '层级', kind: 'enum', options: PLAN_LEVELS },
		{ key: 'issuer', label: '印发单位', kind: 'text' },
		{ key: 'year', label: '印发年份', kind: 'year' },
		{ key: 'content', label: '与智慧化建设相关的要求', kind: 'longtext' },
		{ key: 'alignment', label: '本设计的衔接方式', kind: 'longtext' }
	]
});

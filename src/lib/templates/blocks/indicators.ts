import { defineBlock } from './fields.ts';

/**
 * 6.3 asks for the indicator system that applies to the city (GB/T 33356-2016, GB/T 34680.1-2017) and
 * an assessment against it. GB/T 33356 has a 2022 edition; 6.3 cites the 2016 one, Table A.1 cites it
 * undated — so each row records which system it comes from.
 */
export const INDICATOR_SOURCES = [
	{ value: 'gbt33356-2016', label: 'GB/T 33356-2016' },
	{ value: 'gbt33356-2022', label: 'GB/T 33356-2022' },
	{ value: 'gbt34680.1-2017', label: 'GB/T 34680.1-2017' },
	{ value: 'local', label: '自选指标' }
] as const;

/**
 * 属性 as development plans label their indicators: 预期性 (expected, guided by the market and
 * policy) or 约束性 (binding, a commitment the government answers for).
 */
export const INDICATOR_ATTRIBUTES = [
	{ value: 'expected', label: '预期性' },
	{ value: 'binding', label: '约束性' }
] as const;

export const indicatorsBlock = defineBlock({
	key: 'indicators',
	label: '评价指标与现状评估',
	rowLabel: '指标',
	fields: [
		{ key: 'source', label: '指标体系', kind: 'enum', options: INDICATOR_SOURCES },
		{ key: 'code', label: '指标编号', kind: 'text', hint: '如 L1P1-A1' },
		{ key: 'level1', label: '一级指标', kind: 'text' },
		{ key: 'level2', label: '二级指标', kind: 'text' },
		{ key: 'name', label: '分项指标', kind: 'text' },
		{ key: 'weight', label: '权重', kind: 'number', unit: '%' },
		{
			key: 'attribute',
			label: '属性',
			kind: 'enum',
			options: INDICATOR_ATTRIBUTES
		},
		{ key: 'unit', label: '单位', kind: 'text' },
		{ key: 'baseYear', label: '基准年', kind: 'year' },
		{ key: 'current', label: '现状值', kind: 'text' },
		{ key: 'target', label: '目标值', kind: 'text' },
		{ key: 'method', label: '测算方法', kind: 'text' },
		{ key: 'score', label: '得分', kind: 'number' },
		{ key: 'dataSource', label: '数据来源', kind: 'text' },
		{ key: 'note', label: '备注', kind: 'text' }
	]
});

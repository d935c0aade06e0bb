import { defineBlock } from './fields.ts';
import { PRIORITIES, STAKEHOLDERS } from './options.ts';

/**
 * 6.5's needs, one row each. DESIGN.md §2 has no such block, but "every need from 6.5 is traced to a
 * goal and a key project" needs needs with ids to point at. Each need is classified by the
 * 6.5.2 a)–j) item it belongs to; Table A.1 adds 法规制度及标准化 (its output for 6.5), so that is an
 * option too.
 */
export const NEED_CATEGORIES = [
	{ value: '6.5.2.a', label: '目标分析' },
	{ value: '6.5.2.b', label: '用户分析' },
	{ value: '6.5.2.c', label: '业务需求分析' },
	{ value: '6.5.2.d', label: '系统功能需求分析' },
	{ value: '6.5.2.e', label: '信息资源需求分析' },
	{ value: '6.5.2.f', label: '信息共享和业务协同需求分析' },
	{ value: '6.5.2.g', label: '基础设施建设需求分析' },
	{ value: '6.5.2.h', label: '性能需求分析' },
	{ value: '6.5.2.i', label: '安全需求分析' },
	{ value: '6.5.2.j', label: '接口需求分析' },
	{ value: '6.5.A1.regulation', label: '法规制度及标准化需求（表A.1）' }
] as const;

/** 6.5.1: needs come from the analyses of 6.1–6.4. */
export const NEED_ORIGINS = [
	{ value: '6.1', label: '城市发展战略与目标分析' },
	{ value: '6.2', label: '城市现状调研分析' },
	{ value: '6.3', label: '智慧城市现状评估' },
	{ value: '6.4', label: '其他相关规划分析' }
] as const;

export const needsBlock = defineBlock({
	key: 'needs',
	label: '建设需求清单',
	rowLabel: '需求',
	fields: [
		{ key: 'statement', label: '需求描述', kind: 'longtext' },
		{ key: 'category', label: '需求类别', kind: 'enum', options: NEED_CATEGORIES },
		{ key: 'stakeholder', label: '需求主体', kind: 'enum', options: STAKEHOLDERS },
		{ key: 'origin', label: '需求来源', kind: 'enum', options: NEED_ORIGINS },
		{
			key: 'priority',
			label: '轻重缓急',
			kind: 'enum',
			options: PRIORITIES,
			hint: '4.1.5：区分需求和目标的轻重缓急'
		},
		{
			key: 'deferral',
			label: '暂缓理由',
			kind: 'longtext',
			hint: '本期不安排目标或工程的需求，写明暂缓的理由；写了理由的需求不计入追溯检查'
		}
	]
});

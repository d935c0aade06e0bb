import { defineBlock } from './fields.ts';
import { PRIORITIES } from './options.ts';

/** 9.1.3: 重点工程一般涉及平台建设、行业发展、城市治理等方面. */
export const PROJECT_DOMAINS = [
	{ value: 'platform', label: '平台建设' },
	{ value: 'industry', label: '行业发展' },
	{ value: 'governance', label: '城市治理' },
	{ value: 'other', label: '其他' }
] as const;

/** 9.1's key projects: 9.1.4 a) and b) as fields, plus what traceability and 9.2/9.3 point at. */
export const keyProjectsBlock = defineBlock({
	key: 'keyProjects',
	label: '重点工程',
	rowLabel: '工程',
	fields: [
		{ key: 'name', label: '工程名称', kind: 'text' },
		{
			key: 'goal',
			label: '建设目标',
			kind: 'longtext',
			hint: '9.1.4 a)：明确的、可量化的工程目标'
		},
		{ key: 'content', label: '建设内容及规模', kind: 'longtext' },
		{ key: 'mode', label: '建设模式', kind: 'text' },
		{ key: 'startYear', label: '开始年份', kind: 'year' },
		{ key: 'endYear', label: '完成年份', kind: 'year' },
		{ key: 'budget', label: '资金估算', kind: 'number', unit: '万元' },
		{ key: 'leadUnit', label: '负责单位', kind: 'text' },
		{ key: 'domain', label: '工程类型', kind: 'enum', options: PROJECT_DOMAINS },
		{ key: 'priority', label: '优先级', kind: 'enum', options: PRIORITIES },
		{
			key: 'needs',
			label: '对应需求',
			kind: 'reference',
			section: '6.5',
			block: 'needs',
			multiple: true
		},
		{
			key: 'goals',
			label: '对应目标',
			kind: 'reference',
			section: '7.3',
			block: 'goals',
			multiple: true
		}
	]
});

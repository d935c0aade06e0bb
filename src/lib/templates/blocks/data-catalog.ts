import { defineBlock } from './fields.ts';

/** 政务数据共享属性 (国发〔2016〕51号《政务信息资源共享管理暂行办法》). Stored values: never change. */
export const SHARING_TYPES = [
	{ value: 'unconditional', label: '无条件共享' },
	{ value: 'conditional', label: '有条件共享' },
	{ value: 'none', label: '不予共享' }
] as const;

/**
 * 数据资源目录 (8.2.1 with 5.2.3 and Table A.1): each data resource the business processes depend
 * on, who provides and who needs it, what is done with it, its protection — and the two links a
 * reviewer follows, to the businesses of 8.1 it serves and the systems of 8.3 that use it, so the
 * catalogue is the business ↔ data ↔ application mapping.
 */
export const dataCatalogBlock = defineBlock({
	key: 'dataCatalog',
	label: '数据资源目录',
	rowLabel: '数据资源',
	fields: [
		{ key: 'name', label: '数据资源名称', kind: 'text' },
		{ key: 'provider', label: '数据提供方', kind: 'text' },
		{ key: 'consumers', label: '数据需求方', kind: 'text' },
		{
			key: 'business',
			label: '支撑业务',
			kind: 'reference',
			section: '8.1',
			block: 'businessTree',
			multiple: true
		},
		{
			key: 'systems',
			label: '使用系统',
			kind: 'reference',
			section: '8.3',
			block: 'systems',
			multiple: true
		},
		{ key: 'operations', label: '数据操作', kind: 'text', hint: '如：采集、存储、共享、开放' },
		{ key: 'sharing', label: '共享属性', kind: 'enum', options: SHARING_TYPES },
		{ key: 'protection', label: '安全和隐私保护要求', kind: 'longtext' },
		{ key: 'frequency', label: '更新频率', kind: 'text' }
	]
});

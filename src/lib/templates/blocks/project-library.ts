import { defineBlock } from './fields.ts';

/**
 * 项目库: the projects under and beside the key projects, as a 大数据局 keeps them for budgeting and
 * approval — who builds, when, for how much, paid from where, and what must be in place first.
 */
export const projectLibraryBlock = defineBlock({
	key: 'projectLibrary',
	label: '项目库',
	rowLabel: '项目',
	fields: [
		{ key: 'name', label: '项目名称', kind: 'text' },
		{ key: 'unit', label: '建设单位', kind: 'text' },
		{ key: 'startYear', label: '开始年份', kind: 'year' },
		{ key: 'endYear', label: '完成年份', kind: 'year' },
		{ key: 'investment', label: '总投资', kind: 'number', unit: '万元' },
		{ key: 'source', label: '资金来源', kind: 'text' },
		{ key: 'prerequisites', label: '前置条件', kind: 'longtext' },
		{
			key: 'keyProject',
			label: '所属重点工程',
			kind: 'reference',
			section: '9.1',
			block: 'keyProjects',
			multiple: false
		}
	]
});

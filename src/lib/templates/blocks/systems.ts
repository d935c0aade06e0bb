import { defineBlock } from './fields.ts';

/** 8.3.2: 明确需要新建或改建的系统，识别可重用或者共用的系统. */
export const SYSTEM_MODES = [
	{ value: 'new', label: '新建' },
	{ value: 'rebuild', label: '改建' },
	{ value: 'reuse', label: '复用/共用' }
] as const;

/** 8.3's application systems: 8.3.2's per-system content and 8.3.3's interfaces. */
export const systemsBlock = defineBlock({
	key: 'systems',
	label: '应用系统',
	rowLabel: '系统',
	fields: [
		{ key: 'name', label: '系统名称', kind: 'text' },
		{ key: 'mode', label: '建设方式', kind: 'enum', options: SYSTEM_MODES },
		{ key: 'goal', label: '建设目标', kind: 'longtext' },
		{ key: 'content', label: '建设内容', kind: 'longtext' },
		{ key: 'functions', label: '主要功能', kind: 'longtext' },
		{ key: 'owner', label: '责任单位', kind: 'text' },
		{
			key: 'interfaces',
			label: '接口系统',
			kind: 'reference',
			section: '8.3',
			block: 'systems',
			multiple: true
		},
		{
			key: 'interfaceNotes',
			label: '接口说明',
			kind: 'longtext',
			hint: '8.3.3：明确系统、节点、数据交互关系'
		}
	]
});

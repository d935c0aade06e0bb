import { defineBlock } from './fields.ts';

/**
 * 8.1's business architecture as a flat list of nodes with a parent reference. The level (一级/二级/
 * 三级, Appendix B) is the node's depth, not a stored field, so a node and its level cannot disagree.
 */
export const businessTreeBlock = defineBlock({
	key: 'businessTree',
	label: '业务架构',
	rowLabel: '业务',
	fields: [
		{ key: 'name', label: '业务名称', kind: 'text' },
		{
			key: 'parent',
			label: '上级业务',
			kind: 'reference',
			section: '8.1',
			block: 'businessTree',
			multiple: false
		},
		{ key: 'provider', label: '业务提供方', kind: 'text' },
		{ key: 'audience', label: '服务对象', kind: 'text' },
		{ key: 'channel', label: '服务渠道', kind: 'text' },
		{ key: 'description', label: '说明', kind: 'longtext' }
	]
});

export const BUSINESS_LEVEL_LABELS = ['一级', '二级', '三级'] as const;

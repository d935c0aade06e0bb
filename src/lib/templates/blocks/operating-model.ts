import { defineBlock } from './fields.ts';

/** 9.2.1's four common operating models, in the standard's order and words. */
export const OPERATING_MODELS = [
	{ value: 'government-government', label: '政府投资建设政府运营' },
	{ value: 'government-enterprise', label: '政府投资建设企业运营' },
	{ value: 'enterprise-enterprise', label: '企业投资建设企业运营' },
	{ value: 'partnership-enterprise', label: '合伙投资建设企业运营' }
] as const;

/** 9.2: one operating model per key project, with 9.2.2's rationale and outputs. */
export const operatingModelBlock = defineBlock({
	key: 'operatingModel',
	label: '运营模式',
	rowLabel: '运营模式',
	fields: [
		{
			key: 'project',
			label: '重点工程',
			kind: 'reference',
			section: '9.1',
			block: 'keyProjects',
			multiple: false
		},
		{ key: 'model', label: '运营模式', kind: 'enum', options: OPERATING_MODELS },
		{ key: 'rationale', label: '选择理由', kind: 'longtext' },
		{ key: 'responsibilities', label: '职责分工', kind: 'longtext' },
		{ key: 'financing', label: '投融资方式', kind: 'longtext' }
	]
});

import { ARCHITECTURE_LAYERS } from '../presets/gbt34678.ts';
import { defineBlock } from './fields.ts';

/** 7.4's overall architecture and 8.4's infrastructure, one row per layer of the reference model. */
export const architectureLayersBlock = defineBlock({
	key: 'architectureLayers',
	label: '架构分层',
	rowLabel: '层',
	fields: [
		{ key: 'layer', label: '层次', kind: 'enum', options: ARCHITECTURE_LAYERS },
		{ key: 'name', label: '名称', kind: 'text' },
		{ key: 'elements', label: '主要内容', kind: 'longtext' },
		{
			key: 'approach',
			label: '复用、新建或改建',
			kind: 'longtext',
			hint: '8.4.1：识别可重用或共用的部分，提出新建或改建的内容'
		}
	]
});

/** Chapter 8 架构设计: sections 8.1–8.7, the seven dimensions of 3.2. */
import { letteredItems, subclauseItem, tableA1Item } from '../items.ts';
import { GUIDANCE, NOTES } from '../messages.ts';
import { INFRASTRUCTURE_LAYERS } from '../presets/gbt34678.ts';
import type { ItemFill, SectionSpec } from '../types.ts';

export const section81: SectionSpec = {
	clause: '8.1',
	guidance: GUIDANCE['8.1'],
	parts: [
		{ clause: '8.1.1', role: 'guidance' },
		{ clause: '8.1.2', role: 'block', block: 'businessTree' },
		{ clause: '8.1.3', role: 'block', block: 'businessTree' }
	],
	items: [],
	structured: ['businessTree'],
	presets: [
		{
			block: 'businessTree',
			source: '附录B 表B.1',
			verified: false,
			note: '表B.1 的二级、三级业务对应关系可靠；一级业务下辖哪些二级业务，原表合并单元格的跨度无法从文本中恢复，除“民生服务”（B.1.1 b）已说明）外均为推断，例如“市场监管”也可能属于“产业经济”。'
		}
	]
};

export const section82: SectionSpec = {
	clause: '8.2',
	guidance: GUIDANCE['8.2'],
	parts: [
		{ clause: '8.2.1', role: 'guidance' },
		{ clause: '8.2.2', role: 'guidance' },
		{ clause: '8.2.3', role: 'items', note: NOTES.untitled }
	],
	items: [
		...letteredItems('8.2.3', { verb: 'none' }),
		tableA1Item('8.2', 'data-standards', '数据标准')
	],
	// 8.2.1's data, providers, consumers, operations and protection, linked to 8.1 and 8.3.
	structured: ['dataCatalog']
};

export const section83: SectionSpec = {
	clause: '8.3',
	guidance: GUIDANCE['8.3'],
	parts: [
		{ clause: '8.3.1', role: 'guidance' },
		{ clause: '8.3.2', role: 'block', block: 'systems' },
		{ clause: '8.3.3', role: 'block', block: 'systems' }
	],
	items: [],
	structured: ['systems']
};

function infrastructureFill(letter: string): ItemFill {
	const index = 'abcd'.indexOf(letter);
	const layer = INFRASTRUCTURE_LAYERS[index];
	if (!layer) throw new Error(`8.4.2 has no item ${letter}`);
	return {
		kind: 'row',
		block: 'architectureLayers',
		field: 'layer',
		value: layer.layer,
		content: 'elements'
	};
}

export const section84: SectionSpec = {
	clause: '8.4',
	guidance: GUIDANCE['8.4'],
	parts: [
		{ clause: '8.4.1', role: 'block', block: 'architectureLayers' },
		{ clause: '8.4.2', role: 'items', note: `${NOTES.untitled}${NOTES.naming842}` }
	],
	items: letteredItems('8.4.2', { verb: 'none', fill: infrastructureFill }),
	structured: ['architectureLayers'],
	presets: [
		{
			block: 'architectureLayers',
			source: 'GB/T 36333-2018 8.4.2',
			verified: true,
			note: '四种基础设施的名称取自 8.4.2 a）—d）原文。'
		}
	]
};

export const section85: SectionSpec = {
	clause: '8.5',
	guidance: GUIDANCE['8.5'],
	parts: [
		{ clause: '8.5.1', role: 'guidance' },
		{ clause: '8.5.2', role: 'item', note: NOTES.untitled },
		{ clause: '8.5.3', role: 'items', note: NOTES.untitled }
	],
	items: [
		subclauseItem('8.5.2', {
			label: '8.5.2 安全部署结构',
			text: '结合城市信息通信基础设施的规划，设计网络和信息安全的部署结构。'
		}),
		// b) and c) say 可, but about how to design that aspect (依据…参考模型; 对…提出管理要求); the
		// aspects themselves are what 8.5.3 says the security system contains, so all three are required.
		...letteredItems('8.5.3', { verb: (letter) => (letter === 'a' ? 'none' : '可') })
	],
	structured: []
};

export const section86: SectionSpec = {
	clause: '8.6',
	guidance: GUIDANCE['8.6'],
	parts: [
		{ clause: '8.6.1', role: 'guidance' },
		{ clause: '8.6.2', role: 'guidance' }
	],
	items: [],
	structured: []
};

export const section87: SectionSpec = {
	clause: '8.7',
	guidance: GUIDANCE['8.7'],
	parts: [
		{ clause: '8.7.1', role: 'guidance' },
		{ clause: '8.7.2', role: 'guidance' },
		{ clause: '8.7.3', role: 'guidance' }
	],
	items: [],
	structured: [],
	notes: [NOTES.noTableRow87]
};

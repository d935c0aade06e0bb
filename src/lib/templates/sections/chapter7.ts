/** Chapter 7 总体设计: sections 7.2–7.4 (7.1 总则 is chapter guidance, see CHAPTER_GUIDANCE). */
import { letteredItems, subclauseItem } from '../items.ts';
import { GUIDANCE, NOTES } from '../messages.ts';
import { requireClause } from '../outline.ts';
import { OVERALL_PERSPECTIVES } from '../presets/gbt34678.ts';
import type { SectionSpec, TemplateItem } from '../types.ts';

export const section72: SectionSpec = {
	clause: '7.2',
	guidance: GUIDANCE['7.2'],
	parts: [
		{ clause: '7.2.1', role: 'item', note: NOTES.untitled },
		{ clause: '7.2.2', role: 'item', note: NOTES.untitled }
	],
	items: [
		subclauseItem('7.2.1', {
			label: '7.2.1 指导思想',
			text: '结合城市现状及智慧城市建设需求，从智慧城市的理论支撑基础、主要建设方向和目标等方面提出智慧城市建设的指导思想。'
		}),
		subclauseItem('7.2.2', {
			label: '7.2.2 基本原则',
			text: '以解决城市问题为出发点，围绕城市基础设施建设、城市发展模式转变、社会民生发展、城市管理创新等方面的基础条件及实际需求，确定智慧城市建设的基本原则。'
		})
	],
	structured: [],
	notes: [NOTES.output71]
};

export const section73: SectionSpec = {
	clause: '7.3',
	guidance: GUIDANCE['7.3'],
	parts: [
		{ clause: '7.3.1', role: 'block', block: 'goals', note: NOTES.untitled },
		// 7.3.2's per-phase tasks and results are written with the phases of 9.3.
		{ clause: '7.3.2', role: 'block', block: 'phases', note: NOTES.untitled },
		{ clause: '7.3.3', role: 'items', note: NOTES.untitled },
		{ clause: '7.3.4', role: 'guidance' }
	],
	// 7.3.3 is 宜 as a clause, but each of a)–f) says 应.
	items: letteredItems('7.3.3', { verb: '应', fill: { kind: 'rule', block: 'goals' } }),
	structured: ['goals']
};

/**
 * 7.4.2 names its eight perspectives in one sentence, without letters; each becomes an item satisfied
 * by a row of the architecture block for that layer.
 */
function perspectiveItems(): TemplateItem[] {
	const node = requireClause('7.4.2');
	const words = [
		...(node.enumerations?.perspectives_layers ?? []),
		...(node.enumerations?.perspectives_cross_cutting ?? [])
	];
	if (words.length !== OVERALL_PERSPECTIVES.length) {
		throw new Error('7.4.2: outline.json and OVERALL_PERSPECTIVES disagree');
	}
	return OVERALL_PERSPECTIVES.map((layer, i) => ({
		id: `7.4.2.${layer}`,
		clause: '7.4.2',
		label: words[i],
		text: '',
		verb: 'none',
		required: true,
		source: 'body',
		fill: {
			kind: 'row',
			block: 'architectureLayers',
			field: 'layer',
			value: layer,
			content: 'elements'
		}
	}));
}

export const section74: SectionSpec = {
	clause: '7.4',
	guidance: GUIDANCE['7.4'],
	parts: [
		// The seven components of 7.4.1 are the sections 8.1–8.7.
		{ clause: '7.4.1', role: 'guidance' },
		{ clause: '7.4.2', role: 'items', note: NOTES.perspectives742 },
		{ clause: '7.4.3', role: 'guidance' }
	],
	items: perspectiveItems(),
	structured: ['architectureLayers'],
	presets: [
		{
			block: 'architectureLayers',
			source: 'GB/T 36333-2018 7.4.2（引 GB/T 34678-2017 第7章）',
			verified: false,
			note: `${NOTES.perspectives742}GB/T 34678-2017 原文未能核对。`
		}
	]
};

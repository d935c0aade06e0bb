/** Chapter 6 需求分析: sections 6.1–6.5. */
import { letteredItems, subclauseItem, tableA1Item } from '../items.ts';
import { GUIDANCE, NOTES } from '../messages.ts';
import type { SectionSpec } from '../types.ts';

export const section61: SectionSpec = {
	clause: '6.1',
	guidance: GUIDANCE['6.1'],
	parts: [
		{ clause: '6.1.1', role: 'guidance' },
		{ clause: '6.1.2', role: 'items' },
		{ clause: '6.1.2.1', role: 'item' },
		{ clause: '6.1.2.2', role: 'item' },
		{ clause: '6.1.2.3', role: 'item' },
		{ clause: '6.1.2.4', role: 'item' }
	],
	items: [
		subclauseItem('6.1.2.1', {
			text: '分析城市发展规划，明确城市未来发展定位和目标，形成制定智慧城市发展目标的依据。'
		}),
		subclauseItem('6.1.2.2', {
			text: '分析城市自身对本地区开展智慧化建设有哪些设想，重点解决哪些问题，明确智慧城市建设的整体目标。'
		}),
		subclauseItem('6.1.2.3', {
			text: '从国家战略、区域发展环境、居民美好生活的需要、技术和产业发展趋势等方面分析城市发展过程中面临的机遇和要求。'
		}),
		subclauseItem('6.1.2.4', {
			text: '从宏观环境、城市治理模式、产业发展创新、公共安全、生态宜居等方面分析城市发展过程中面临的外部环境要求。'
		})
	],
	structured: []
};

export const section62: SectionSpec = {
	clause: '6.2',
	guidance: GUIDANCE['6.2'],
	parts: [
		{ clause: '6.2.1', role: 'item' },
		{ clause: '6.2.2', role: 'item', note: NOTES.missingItems622 },
		{ clause: '6.2.3', role: 'item' },
		{ clause: '6.2.4', role: 'item' },
		{ clause: '6.2.5', role: 'item' }
	],
	items: [
		subclauseItem('6.2.1', {
			text: '从地理信息、气候、水环境、生物资源、矿产资源、自然灾害等角度分析城市信息化所处自然环境的特征与相关性；'
		}),
		subclauseItem('6.2.2', {
			text: '针对经济发展方面，现状调研分析的内容包括：',
			note: NOTES.missingItems622
		}),
		subclauseItem('6.2.3', { text: '针对社会治理方面，现状调研分析的内容包括：' }),
		subclauseItem('6.2.4', {
			text: '围绕政府管理、基础设施、民生服务、产业发展、环境优化、投资运营等方面，调研分析城市信息化建设现状。针对信息化建设方面，现状调研分析的内容包括：'
		}),
		subclauseItem('6.2.5', { text: '针对体制机制方面，现状调研分析的内容包括：' })
	],
	structured: []
};

export const section63: SectionSpec = {
	clause: '6.3',
	guidance: GUIDANCE['6.3'],
	parts: [],
	items: [],
	structured: ['indicators'],
	presets: [
		{
			block: 'indicators',
			source: 'GB/T 33356-2016',
			verified: false,
			note: '一级指标名称与权重、部分二级指标及分项取自《新型智慧城市评价指标（2016年）》（发改办高技〔2016〕2476号附件），与 GB/T 33356-2016 正文的一致性未直接核实；其余二级指标未能查到，未列入。'
		}
	],
	notes: [NOTES.gbt33356Editions]
};

export const section64: SectionSpec = {
	clause: '6.4',
	guidance: GUIDANCE['6.4'],
	parts: [],
	items: [],
	structured: ['planRegister']
};

export const section65: SectionSpec = {
	clause: '6.5',
	guidance: GUIDANCE['6.5'],
	parts: [
		{ clause: '6.5.1', role: 'block', block: 'needs', note: NOTES.untitled },
		{ clause: '6.5.2', role: 'items', note: NOTES.untitled }
	],
	items: [
		...letteredItems('6.5.2', { verb: 'none' }),
		tableA1Item('6.5', 'regulation', '智慧城市法规制度及标准化现状与需求')
	],
	structured: ['needs']
};

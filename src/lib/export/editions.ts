/**
 * The two editions made from the same content.
 *
 * - `full`: the design report — the four activities as chapters in the standard's order (6–9), every
 *   section with its items and blocks, and the records (sign-off, 意见采纳情况说明) as appendices.
 * - `publication`: the shape in which cities publish their plans (规划背景, 总体要求 — 指导思想 /
 *   基本原则 / 发展目标 / 总体架构, 重点任务, 保障措施, 附件). Which sections feed which part is
 *   decided here, in one place: analysis (6.x) becomes the background, 7.x the general requirements,
 *   the architecture chapters (8.x) and 9.1 the key tasks, 9.2–9.4 the safeguards; the large tables
 *   (indicators and goals, key projects with their budget, phases, business tree) go to the annexes.
 */
import type { BlockKey } from '../templates/index.ts';
import { WORDS } from './vocabulary.ts';
import type { EditionKey } from './types.ts';

/**
 * Content taken from one section: its body, its prose items (all written ones, or those listed), and
 * its blocks' tables (`details`: each row's remaining fields as a paragraph).
 */
export interface Feed {
	clause: string;
	body?: boolean;
	items?: readonly string[] | false;
	blocks?: readonly BlockKey[] | false;
	details?: boolean;
}

export type PublicationSection =
	| { title: string; feeds: readonly Feed[] }
	/** Each written item of the clause becomes a section (9.4's 组织保障, 政策保障 …). */
	| { eachItemOf: string };

export interface PublicationPart {
	title: string;
	/** Opening paragraphs of the part, before its sections. */
	lead?: readonly Feed[];
	sections: readonly PublicationSection[];
}

export interface Annex {
	title: string;
	clause: string;
	block: BlockKey;
}

export interface Edition {
	key: EditionKey;
	label: string;
	parts: readonly PublicationPart[];
	annexes: readonly Annex[];
	/** Whether the sign-off record and the 意见采纳情况说明 are appended. */
	records: boolean;
}

const PUBLICATION_PARTS: readonly PublicationPart[] = [
	{
		title: '规划背景',
		sections: [
			{
				title: '发展基础',
				feeds: [{ clause: '6.2' }, { clause: '6.3', blocks: false }]
			},
			{ title: '发展形势', feeds: [{ clause: '6.1' }, { clause: '6.4' }] },
			{ title: '建设需求', feeds: [{ clause: '6.5', items: false, blocks: false }] }
		]
	},
	{
		title: '总体要求',
		lead: [{ clause: '7.2', items: false }],
		sections: [
			{ title: '指导思想', feeds: [{ clause: '7.2', body: false, items: ['7.2.1'] }] },
			{ title: '基本原则', feeds: [{ clause: '7.2', body: false, items: ['7.2.2'] }] },
			{ title: '发展目标', feeds: [{ clause: '7.3', blocks: false }] },
			{ title: '总体架构', feeds: [{ clause: '7.4', details: false }] }
		]
	},
	{
		title: '重点任务',
		sections: [
			{ title: '构建业务架构', feeds: [{ clause: '8.1', blocks: false }] },
			{ title: '构建数据架构', feeds: [{ clause: '8.2' }] },
			{ title: '构建应用架构', feeds: [{ clause: '8.3', details: false }] },
			{ title: '夯实基础设施', feeds: [{ clause: '8.4', details: false }] },
			{ title: '健全安全体系', feeds: [{ clause: '8.5' }] },
			{ title: '完善标准体系', feeds: [{ clause: '8.6' }] },
			{ title: '培育产业体系', feeds: [{ clause: '8.7' }] },
			{ title: '实施重点工程', feeds: [{ clause: '9.1', blocks: false }] }
		]
	},
	{
		title: '保障措施',
		lead: [{ clause: '9.4', items: false }],
		sections: [
			{ eachItemOf: '9.4' },
			{ title: '创新运营模式', feeds: [{ clause: '9.2', details: false }] },
			{ title: '有序推进实施', feeds: [{ clause: '9.3', blocks: false }] }
		]
	}
];

export const EDITIONS: Record<EditionKey, Edition> = {
	full: { key: 'full', label: WORDS.fullEdition, parts: [], annexes: [], records: true },
	publication: {
		key: 'publication',
		label: WORDS.publicationEdition,
		parts: PUBLICATION_PARTS,
		annexes: [
			{ title: '主要目标指标', clause: '7.3', block: 'goals' },
			{ title: '重点工程一览表', clause: '9.1', block: 'keyProjects' },
			{ title: '实施阶段安排', clause: '9.3', block: 'phases' },
			{ title: '业务架构', clause: '8.1', block: 'businessTree' },
			{ title: '投资估算与资金筹措', clause: '9.1', block: 'funding' },
			{ title: '财政承受能力', clause: '9.1', block: 'fiscalCapacity' }
		],
		records: false
	}
};

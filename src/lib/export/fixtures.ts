/**
 * Test data for the export: the demo city's section contents (the same seed the server writes), and
 * a plan of any size made by repeating its rows and prose (the benchmark's 10× plan).
 */
import * as Y from 'yjs';
import { appendRows, blockJSON } from '../collab/section-doc.ts';
import { buildSectionDoc, DEMO_SECTIONS } from '../demo-content/index.ts';
import { TEMPLATES, type SectionTemplate } from '../templates/index.ts';
import { readSectionContent, type ModelInput, type SectionContent } from './model.ts';

function demoSectionDoc(template: SectionTemplate): Y.Doc {
	const demo = DEMO_SECTIONS.find((s) => s.clause === template.clause);
	return buildSectionDoc(demo ?? { clause: template.clause, author: '' });
}

/**
 * The demo plan's section documents, every prose fragment and block repeated `times` times, as
 * stored Yjs states (clause → update): what the export reads from SQLite, at any size.
 */
export function demoSectionStates(times = 1): Map<string, Uint8Array> {
	const states = new Map<string, Uint8Array>();
	for (const template of TEMPLATES) {
		const doc = demoSectionDoc(template);
		doc.transact(() => {
			for (const [name, type] of doc.share) {
				if (!(type instanceof Y.XmlFragment)) continue;
				const fragment = doc.getXmlFragment(name);
				const nodes = fragment.toArray();
				for (let i = 1; i < times; i++)
					fragment.insert(
						fragment.length,
						nodes.map((node) => node.clone() as Y.XmlElement | Y.XmlText)
					);
			}
			for (const key of template.structured) {
				const rows = blockJSON(doc, key) as Record<string, unknown>[];
				for (let i = 1; i < times; i++)
					appendRows(
						doc,
						key,
						rows.map((row) => ({ ...row, id: `${row.id}~${i}` }))
					);
			}
		});
		states.set(template.clause, Y.encodeStateAsUpdate(doc));
		doc.destroy();
	}
	return states;
}

export function demoSectionContents(): SectionContent[] {
	return TEMPLATES.map((template) => {
		const doc = demoSectionDoc(template);
		try {
			return readSectionContent(doc, template);
		} finally {
			doc.destroy();
		}
	});
}

/** Every prose fragment and block repeated `times` times (row ids kept unique). */
export function scaleContents(
	contents: readonly SectionContent[],
	times: number
): SectionContent[] {
	const repeat = <T>(list: readonly T[], copy: (item: T, i: number) => T) =>
		Array.from({ length: times }, (_, i) => list.map((item) => copy(item, i))).flat();
	return contents.map((c) => ({
		clause: c.clause,
		body: repeat(c.body, (b) => b),
		items: Object.fromEntries(
			Object.entries(c.items).map(([id, blocks]) => [id, repeat(blocks, (b) => b)])
		),
		blocks: Object.fromEntries(
			Object.entries(c.blocks).map(([key, rows]) => [
				key,
				repeat(rows ?? [], (row, i) => (i === 0 ? row : { ...row, id: `${row.id}~${i}` }))
			])
		)
	}));
}

export function demoModelInput(sections = demoSectionContents()): ModelInput {
	return {
		plan: {
			id: 1,
			title: '示例市智慧城市顶层设计（2026—2030年）',
			city: '示例市',
			periodStart: 2026,
			periodEnd: 2030,
			leadUnit: '示例市大数据局'
		},
		version: { kind: 'draft', label: '草稿', hash: null, at: '2026-05-03T02:00:00.000Z' },
		date: '2026-05-03T02:00:00.000Z',
		sections,
		signoffs: [
			{
				name: '王市长',
				role: '审批领导',
				organization: '示例市人民政府办公室',
				time: '2026-04-30T06:30:00.000Z',
				decision: '同意',
				versionHash: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
				subject: '需求分析'
			}
		],
		consultations: [
			{
				round: '第一轮公开征求意见',
				from: '2026-03-01T00:00:00.000Z',
				to: '2026-03-15T00:00:00.000Z',
				items: [
					{
						from: '示例市城市运营科技有限公司',
						section: '9.1 主要任务和重点工程',
						comment: '建议增加城市运行数据开放内容。',
						decision: '采纳',
						reason: '已在公共数据资源体系建设工程中补充。'
					}
				]
			}
		]
	};
}

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { schema } from '../../editor/schema.ts';
import { parseSuggestionId, suggestionId } from '../../suggestions/ids.ts';
import { structuresIn } from '../../suggestions/structure.ts';
import { handWrittenDocx } from '../../../../tests/helpers/docx-files.ts';
import { exportedDocx } from '../../../../tests/helpers/export-input.ts';
import { prepareImport } from './land.ts';
import { readDocx } from './read.ts';

/** The body part of a DOCX file, as written. */
const documentXml = (body: Uint8Array) => strFromU8(unzipSync(body)['word/document.xml']);

const cell = (text: string) =>
	schema.node('table_cell', null, [schema.node('paragraph', null, [schema.text(text)])]);

describe("Lantu's export with structural revisions → import", () => {
	it('brings back the suggested rows, by the same authors at the same times', async () => {
		const added = suggestionId({
			userId: 7,
			organizationId: 2,
			at: Date.parse('2026-12-01T08:30:00Z')
		});
		const removed = suggestionId({
			userId: 8,
			organizationId: 3,
			at: Date.parse('2026-12-02T09:00:00Z')
		});
		const pm = schema.node('doc', null, [
			schema.node('paragraph', null, [schema.text('建设内容如下。')]),
			schema.node('table', null, [
				schema.node('table_row', null, [cell('政务云'), cell('300')]),
				schema.node('table_row', { suggestion: `insert ${added}` }, [
					cell('数据中台'),
					cell('200')
				]),
				schema.node('table_row', { suggestion: `delete ${removed}` }, [cell('旧机房'), cell('50')])
			])
		]);
		const body = await exportedDocx(pm);
		const reading = await readDocx(body as Uint8Array);
		if (!reading.ok) throw new Error(reading.code);
		expect([...reading.parsed.revisions.values()]).toEqual([
			{ kind: 'insert', author: '李明', date: '2026-12-01T08:30:00.000Z' },
			{ kind: 'delete', author: '王芳', date: '2026-12-02T09:00:00.000Z' }
		]);
		const members = new Map([
			['李明', { userId: 7, organizationId: 2 }],
			['王芳', { userId: 8, organizationId: 3 }]
		]);
		const prepared = prepareImport(
			reading.parsed,
			'direct',
			{ userId: 9, organizationId: 1 },
			members,
			Date.now()
		);
		const found = structuresIn(prepared.doc).map(({ node, suggestion }) => ({
			row: node.textContent,
			kind: suggestion.kind,
			author: parseSuggestionId(suggestion.id)
		}));
		expect(found).toEqual([
			{
				row: '数据中台200',
				kind: 'insert',
				author: expect.objectContaining({ userId: 7, at: Date.parse('2026-12-01T08:30:00Z') })
			},
			{
				row: '旧机房50',
				kind: 'delete',
				author: expect.objectContaining({ userId: 8, at: Date.parse('2026-12-02T09:00:00Z') })
			}
		]);
	});

	const members = new Map([
		['李明', { userId: 7, organizationId: 2 }],
		['王芳', { userId: 8, organizationId: 3 }]
	]);
	const para = (text: string) => schema.node('paragraph', null, [schema.text(text)]);
	const item = (text: string) => schema.node('list_item', null, [para(text)]);

	it('brings back suggested lists and columns as the same structural suggestions', async () => {
		const bullets = suggestionId({
			userId: 7,
			organizationId: 2,
			at: Date.parse('2026-12-03T10:00:00.125Z')
		});
		const numbers = suggestionId({
			userId: 8,
			organizationId: 3,
			at: Date.parse('2026-12-03T11:00:00.250Z')
		});
		const column = suggestionId({
			userId: 8,
			organizationId: 3,
			at: Date.parse('2026-12-04T09:00:00.500Z')
		});
		const by = (id: string) => {
			const { userId, organizationId, at } = parseSuggestionId(id)!;
			return expect.objectContaining({ userId, organizationId, at });
		};
		const suggestedCell = (text: string) =>
			schema.node('table_cell', { suggestion: `insert ${column}` }, [para(text)]);
		const pm = schema.node('doc', null, [
			para('重点任务如下。'),
			schema.node('bullet_list', { suggestion: `wrap ${bullets}` }, [
				item('统一数据标准'),
				item('建设城市大脑')
			]),
			// Two suggested lists side by side stay two; an existing list stays as it is exported.
			schema.node('ordered_list', { order: 1, suggestion: `wrap ${numbers}` }, [
				item('第一阶段'),
				item('第二阶段'),
				item('第三阶段')
			]),
			schema.node('table', null, [
				schema.node('table_row', null, [cell('项目'), cell('投资'), suggestedCell('来源')]),
				schema.node('table_row', null, [cell('政务云'), cell('300'), suggestedCell('财政')])
			])
		]);
		const reading = await readDocx(await exportedDocx(pm));
		if (!reading.ok) throw new Error(reading.code);
		const prepared = prepareImport(
			reading.parsed,
			'direct',
			{ userId: 9, organizationId: 1 },
			members,
			Date.now()
		);
		const found = structuresIn(prepared.doc).map(({ node, suggestion }) => ({
			type: node.type.name,
			text: node.textContent,
			kind: suggestion.kind,
			author: parseSuggestionId(suggestion.id)
		}));
		// The same suggestions: each by its author at its millisecond (ids.ts), kinds and words kept.
		expect(found).toEqual([
			{ type: 'bullet_list', text: '统一数据标准建设城市大脑', kind: 'wrap', author: by(bullets) },
			{ type: 'ordered_list', text: '第一阶段第二阶段第三阶段', kind: 'wrap', author: by(numbers) },
			{ type: 'table_cell', text: '来源', kind: 'insert', author: by(column) },
			{ type: 'table_cell', text: '财政', kind: 'insert', author: by(column) }
		]);
		// A column's cells are still one suggestion.
		expect(new Set(structuresIn(prepared.doc).map((f) => f.suggestion.id)).size).toBe(3);
		// The items are the paragraphs they were, without the markers Word showed as inserted.
		const lists = prepared.doc.content.content.filter((n) => n.type.name.endsWith('_list'));
		expect(lists.map((l) => l.childCount)).toEqual([2, 3]);
		expect(lists[1].attrs.order).toBe(1);
		expect(prepared.doc.textContent).not.toMatch(/•|\d\. /);
	});

	it('keeps comments on the words of a suggested list item (the marker is not counted)', async () => {
		const marker = (id: number, text: string) =>
			`<w:ins w:id="${id}" w:author="李明" w:date="2026-12-03T10:00:00.125Z"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;
		const reading = await readDocx(
			handWrittenDocx(
				`<w:p>${marker(1, '• ')}<w:r><w:t>统一数据标准</w:t></w:r></w:p>` +
					`<w:p>${marker(2, '• ')}<w:r><w:t>建设</w:t></w:r><w:commentRangeStart w:id="0"/>` +
					'<w:r><w:t>城市大脑</w:t></w:r><w:commentRangeEnd w:id="0"/></w:p>',
				{
					comments:
						'<w:comment w:id="0" w:author="王芳"><w:p><w:r><w:t>请写明范围。</w:t></w:r></w:p></w:comment>'
				}
			)
		);
		if (!reading.ok) throw new Error(reading.code);
		expect(reading.parsed.blocks).toEqual([
			{
				type: 'bullet_list',
				attrs: { suggestion: 'wrap #1' },
				content: [
					{
						type: 'list_item',
						content: [{ type: 'paragraph', content: [{ type: 'text', text: '统一数据标准' }] }]
					},
					{
						type: 'list_item',
						content: [
							{
								type: 'paragraph',
								content: [
									{ type: 'text', text: '建设' },
									{ type: 'text', text: '城市大脑' }
								]
							}
						]
					}
				]
			}
		]);
		// Counted in the words alone: 城市大脑 is characters 8 to 12.
		expect(reading.parsed.comments).toEqual([
			expect.objectContaining({ author: '王芳', from: 8, to: 12 })
		]);
	});

	it("reads Word's and WPS's own list revision (numbering added under w:pPrChange) as a list suggestion", async () => {
		const listed = (text: string, date: string, old = '') =>
			'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>' +
			`<w:pPrChange w:id="1" w:author="王芳" w:date="${date}"><w:pPr>${old}</w:pPr></w:pPrChange></w:pPr>` +
			`<w:r><w:t>${text}</w:t></w:r></w:p>`;
		const item = (text: string) => ({
			type: 'list_item',
			content: [{ type: 'paragraph', content: [{ type: 'text', text }] }]
		});
		const reading = await readDocx(
			handWrittenDocx(
				listed('统一数据标准', '2026-12-05T09:00:00Z') +
					listed('建设城市大脑', '2026-12-05T09:00:00Z') +
					'<w:p><w:r><w:t>另起一段。</w:t></w:r></w:p>' +
					// A list that had numbering before (another level): no list suggestion.
					listed('已有的一项', '2026-12-05T09:01:00Z', '<w:numPr><w:numId w:val="5"/></w:numPr>')
			)
		);
		if (!reading.ok) throw new Error(reading.code);
		expect(reading.parsed.blocks).toEqual([
			{
				type: 'ordered_list',
				attrs: { order: 1, suggestion: 'wrap #1' },
				content: [item('统一数据标准'), item('建设城市大脑')]
			},
			{ type: 'paragraph', content: [{ type: 'text', text: '另起一段。' }] },
			{ type: 'ordered_list', attrs: { order: 1 }, content: [item('已有的一项')] }
		]);
		expect([...reading.parsed.revisions.values()]).toEqual([
			{ kind: 'format', author: '王芳', date: '2026-12-05T09:00:00.000Z' }
		]);
	});

	it('brings back a suggested table and a table suggested for deletion', async () => {
		const added = suggestionId({
			userId: 7,
			organizationId: 2,
			at: Date.parse('2026-12-05T10:00:00.375Z')
		});
		const removed = suggestionId({
			userId: 8,
			organizationId: 3,
			at: Date.parse('2026-12-05T11:00:00.625Z')
		});
		const header = (text: string) => schema.node('table_header', null, [para(text)]);
		const table = (suggestion: string, first: string) =>
			schema.node('table', { suggestion }, [
				schema.node('table_row', null, [header('区县'), header('试点')]),
				schema.node('table_row', null, [cell(first), cell('是')])
			]);
		const pm = schema.node('doc', null, [
			para('试点安排如下。'),
			table(`insert ${added}`, '东城区'),
			table(`delete ${removed}`, '西城区')
		]);
		const reading = await readDocx(await exportedDocx(pm));
		if (!reading.ok) throw new Error(reading.code);
		const prepared = prepareImport(
			reading.parsed,
			'direct',
			{ userId: 9, organizationId: 1 },
			members,
			Date.now()
		);
		const found = structuresIn(prepared.doc).map(({ node, suggestion }) => ({
			type: node.type.name,
			text: node.textContent,
			kind: suggestion.kind,
			author: parseSuggestionId(suggestion.id)
		}));
		expect(found).toEqual([
			{
				type: 'table',
				text: '区县试点东城区是',
				kind: 'insert',
				author: expect.objectContaining({ userId: 7, at: Date.parse('2026-12-05T10:00:00.375Z') })
			},
			{
				type: 'table',
				text: '区县试点西城区是',
				kind: 'delete',
				author: expect.objectContaining({ userId: 8, at: Date.parse('2026-12-05T11:00:00.625Z') })
			}
		]);
	});

	it('exports plain lists as Word lists (bullets, numbers, nested levels) and reads them back as lists', async () => {
		const pm = schema.node('doc', null, [
			para('重点任务如下。'),
			schema.node('bullet_list', null, [
				schema.node('list_item', null, [
					para('统一数据标准'),
					schema.node('ordered_list', { order: 1 }, [item('制定目录'), item('发布标准')])
				]),
				item('建设城市大脑')
			]),
			para('实施步骤如下。'),
			schema.node('ordered_list', { order: 3 }, [item('第三阶段'), item('第四阶段')]),
			// A list in a table cell is a Word list too.
			schema.node('table', null, [
				schema.node('table_row', null, [cell('项目'), cell('内容')]),
				schema.node('table_row', null, [
					cell('政务云'),
					schema.node('table_cell', null, [
						schema.node('bullet_list', null, [item('扩容'), item('迁移')])
					])
				])
			])
		]);
		const body = await exportedDocx(pm);
		// Word's own lists: numbering properties, no marker typed into the text.
		const xml = documentXml(body as Uint8Array);
		expect(xml).toContain('<w:numPr>');
		expect(xml).not.toContain('• ');
		expect(xml).not.toContain('3. ');
		const reading = await readDocx(body as Uint8Array);
		if (!reading.ok) throw new Error(reading.code);
		const prepared = prepareImport(
			reading.parsed,
			'direct',
			{ userId: 9, organizationId: 1 },
			members,
			Date.now()
		);
		/** The lists of a document: kind, first number, items' own words and nested lists. */
		type Shape = { list: string; order?: number; items: (string | Shape)[][] };
		const shape = (node: typeof pm): Shape => ({
			list: node.type.name,
			...(node.type.name === 'ordered_list' && { order: node.attrs.order as number }),
			items: node.children.map((li) =>
				li.children.map((b) => (b.type.name === 'paragraph' ? b.textContent : shape(b)))
			)
		});
		const lists = prepared.doc.children.filter((n) => n.type.name.endsWith('_list')).map(shape);
		expect(lists).toEqual([
			{
				list: 'bullet_list',
				items: [
					['统一数据标准', { list: 'ordered_list', order: 1, items: [['制定目录'], ['发布标准']] }],
					['建设城市大脑']
				]
			},
			{ list: 'ordered_list', order: 3, items: [['第三阶段'], ['第四阶段']] }
		]);
		const cellLists: Shape[] = [];
		prepared.doc.descendants((node) => {
			if (node.type.name === 'table_cell')
				for (const b of node.children) if (b.type.name.endsWith('_list')) cellLists.push(shape(b));
			return true;
		});
		expect(cellLists).toEqual([{ list: 'bullet_list', items: [['扩容'], ['迁移']] }]);
		expect(structuresIn(prepared.doc)).toEqual([]);
	});
});

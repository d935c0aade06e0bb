import {
	Document,
	FootnoteReferenceRun,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun
} from 'docx';
import { describe, expect, it } from 'vitest';
import {
	handWrittenDocx,
	libraryDocx,
	picturedDocx,
	revisedDocx
} from '../../../../tests/helpers/docx-files.ts';
import { strToU8 } from 'fflate';
import { pngHeaderOnly, pngImage } from '../images/fixtures.ts';
import { schema } from '../../editor/schema.ts';
import { readDocx } from './read.ts';
import type { ParsedDocx, PMNode } from './parse.ts';

async function parsed(bytes: Uint8Array): Promise<ParsedDocx> {
	const reading = await readDocx(bytes);
	if (!reading.ok) throw new Error(reading.code);
	return reading.parsed;
}

const text = (node: PMNode): string =>
	node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(text).join('');

describe('reading a .docx for import', () => {
	it('keeps headings, marks, nested lists and a table with merged cells', async () => {
		const { blocks, headings } = await parsed(await libraryDocx());
		// The whole import is a valid document of the editor's schema.
		expect(() => schema.nodeFromJSON({ type: 'doc', content: blocks }).check()).not.toThrow();
		expect(headings).toEqual([
			{ level: 1, text: '一、建设目标' },
			{ level: 2, text: '（一）主要任务' }
		]);
		expect(blocks.map((b) => b.type)).toEqual([
			'heading',
			'paragraph',
			'heading',
			'ordered_list',
			'table',
			'paragraph'
		]);
		const bold = blocks[1].content!.find((c) => c.marks?.some((m) => m.type === 'strong'));
		expect(bold?.text).toBe('数据共享率');
		const list = blocks[3];
		expect(list.content!.map(text)).toEqual(['建设城市数据底座统一数据标准', '建设一网统管平台']);
		expect(list.content![0].content![1].type).toBe('bullet_list');
		const [head, first, second] = blocks[4].content!;
		expect(head.content!.map((c) => c.attrs)).toEqual([
			{ colspan: 1, rowspan: 1 },
			{ colspan: 2, rowspan: 1 }
		]);
		expect(first.content!.map((c) => [text(c), c.attrs!.rowspan])).toEqual([
			['数据底座', 2],
			['2026', 1],
			['1200', 1]
		]);
		expect(second.content!.map(text)).toEqual(['2027', '800']);
	});

	it('turns Word revisions into suggestion marks by their authors, and keeps comments', async () => {
		const { blocks, revisions, comments } = await parsed(revisedDocx());
		expect([...revisions.values()]).toEqual([
			{ kind: 'insert', author: '张伟', date: '2026-11-20T10:00:00.000Z' },
			{ kind: 'delete', author: '李娜', date: '2026-11-21T11:30:00.000Z' },
			{ kind: 'insert', author: '张伟', date: '2026-11-20T10:05:00.000Z' }
		]);
		const runs = blocks[0].content!.map((c) => [c.text, c.marks?.[0]?.type ?? null]);
		expect(runs).toEqual([
			['推进', null],
			['政务', 'insertion'],
			['数据', null],
			['全面', 'deletion'],
			['共享开放', null]
		]);
		expect(comments).toEqual([
			{
				author: '王强',
				date: '2026-11-22T09:00:00.000Z',
				text: '请补充开放目录。',
				from: 8,
				to: 12
			}
		]);
	});

	it('refuses a part with a DOCTYPE (entity expansion) as malformed', async () => {
		const bytes = handWrittenDocx('<w:p><w:r><w:t>x</w:t></w:r></w:p>');
		const { unzipSync, zipSync, strToU8 } = await import('fflate');
		const files = unzipSync(bytes);
		files['word/document.xml'] = strToU8(
			'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><w:document xmlns:w="x"><w:body/></w:document>'
		);
		expect(await readDocx(zipSync(files))).toEqual({ ok: false, code: 'malformed' });
	});

	it('refuses a file with no text as empty', async () => {
		expect(await readDocx(handWrittenDocx('<w:p/>'))).toEqual({ ok: false, code: 'empty' });
	});

	it('keeps footnotes: the number after the words, the note after its paragraph or table', async () => {
		const doc = new Document({
			footnotes: {
				1: { children: [new Paragraph('依据《国家新型智慧城市评价指标》。')] },
				2: { children: [new Paragraph('2025年统计公报。')] },
				3: { children: [new Paragraph('表内注释。')] }
			},
			sections: [
				{
					children: [
						new Paragraph({
							children: [
								new TextRun('数据共享率达到90%'),
								new FootnoteReferenceRun(1),
								new TextRun('，常住人口300万'),
								new FootnoteReferenceRun(2),
								new TextRun('。')
							]
						}),
						new Table({
							rows: [
								new TableRow({
									children: [
										new TableCell({
											children: [
												new Paragraph({
													children: [new TextRun('指标'), new FootnoteReferenceRun(3)]
												})
											]
										})
									]
								})
							]
						}),
						new Paragraph('结束语。')
					]
				}
			]
		});
		const { blocks } = await parsed(new Uint8Array(await Packer.toBuffer(doc)));
		expect(() => schema.nodeFromJSON({ type: 'doc', content: blocks }).check()).not.toThrow();
		expect(blocks.map((b) => [b.type, text(b)])).toEqual([
			['paragraph', '数据共享率达到90%①，常住人口300万②。'],
			['paragraph', '注①：依据《国家新型智慧城市评价指标》。'],
			['paragraph', '注②：2025年统计公报。'],
			['table', '指标③'],
			['paragraph', '注③：表内注释。'],
			['paragraph', '结束语。']
		]);
	});

	it('keeps pictures as figures after their paragraph, with their description and bytes', async () => {
		const good = new Uint8Array(pngImage(12, 8));
		const bomb = new Uint8Array(pngHeaderOnly(20_000, 20_000));
		const { blocks, media } = await parsed(await picturedDocx({ good, bomb }));
		expect(blocks.map((b) => [b.type, b.type === 'figure' ? b.attrs?.alt : text(b)])).toEqual([
			['paragraph', '总体架构如下图所示。'],
			['figure', '城市数据底座架构图'],
			['paragraph', '部署示意：'],
			['figure', '部署示意图'],
			['figure', '超大图片'],
			['paragraph', '以上为架构说明。']
		]);
		const sources = blocks.filter((b) => b.type === 'figure').map((b) => String(b.attrs?.src));
		expect(sources.every((s) => s.startsWith('media:word/media/'))).toBe(true);
		expect([...media.values()].map((bytes) => bytes.length).sort((a, b) => a - b)).toEqual(
			[bomb.length, good.length].sort((a, b) => a - b)
		);
	});

	it('keeps endnotes as footnotes are kept, numbered with them', async () => {
		const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
		const bytes = handWrittenDocx(
			'<w:p><w:r><w:t>规划期至2030年</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>' +
				'<w:r><w:t>，展望2035年</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>' +
				'<w:p><w:r><w:t>结束语。</w:t></w:r></w:p>',
			{
				extra: {
					'word/footnotes.xml': strToU8(
						`<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>` +
							'<w:footnote w:id="1"><w:p><w:r><w:t>依据国家规划纲要。</w:t></w:r></w:p></w:footnote></w:footnotes>'
					),
					'word/endnotes.xml': strToU8(
						`<w:endnotes ${W}><w:endnote w:type="separator" w:id="-1"><w:p/></w:endnote>` +
							'<w:endnote w:type="continuationSeparator" w:id="0"><w:p/></w:endnote>' +
							'<w:endnote w:id="2"><w:p><w:r><w:t>远景目标另行编制。</w:t></w:r></w:p></w:endnote></w:endnotes>'
					)
				}
			}
		);
		const { blocks } = await parsed(bytes);
		expect(blocks.map((b) => [b.type, text(b)])).toEqual([
			['paragraph', '规划期至2030年①，展望2035年②'],
			['paragraph', '注①：依据国家规划纲要。'],
			['paragraph', '注②：远景目标另行编制。'],
			['paragraph', '结束语。']
		]);
	});

	it('turns Word’s format and style revisions into format suggestions by their authors', async () => {
		const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
		const styles =
			`<w:styles ${W}><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>` +
			'<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/></w:style></w:styles>';
		const bytes = handWrittenDocx(
			// A heading (标题 2) that was body text, by 王芳; bold taken off a word by her too.
			'<w:p><w:pPr><w:pStyle w:val="2"/><w:pPrChange w:id="5" w:author="王芳" w:date="2026-11-23T08:00:00Z"><w:pPr/></w:pPrChange></w:pPr>' +
				'<w:r><w:t>总体目标</w:t></w:r></w:p>' +
				'<w:p><w:r><w:t xml:space="preserve">建设</w:t></w:r>' +
				// Bold and underlined now; bold by 张伟 (before: underlined only). A font change is no mark.
				'<w:r><w:rPr><w:b/><w:u w:val="single"/><w:rPrChange w:id="6" w:author="张伟" w:date="2026-11-24T09:00:00Z"><w:rPr><w:u w:val="single"/></w:rPr></w:rPrChange></w:rPr><w:t>城市大脑</w:t></w:r>' +
				'<w:r><w:rPr><w:rFonts w:ascii="SimHei"/><w:rPrChange w:id="7" w:author="张伟" w:date="2026-11-24T09:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>平台</w:t></w:r>' +
				'<w:r><w:rPr><w:rPrChange w:id="8" w:author="王芳" w:date="2026-11-25T10:00:00Z"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>体系</w:t></w:r></w:p>' +
				// A paragraph Word records as 标题 3 before, body text now.
				'<w:p><w:pPr><w:pPrChange w:id="9" w:author="王芳" w:date="2026-11-23T08:00:00Z"><w:pPr><w:pStyle w:val="3"/></w:pPr></w:pPrChange></w:pPr>' +
				'<w:r><w:t>正文一段。</w:t></w:r></w:p>',
			{ extra: { 'word/styles.xml': strToU8(styles) } }
		);
		const { blocks, revisions } = await parsed(bytes);
		expect([...revisions.values()]).toEqual([
			{ kind: 'format', author: '王芳', date: '2026-11-23T08:00:00.000Z' },
			{ kind: 'format', author: '张伟', date: '2026-11-24T09:00:00.000Z' },
			{ kind: 'format', author: '王芳', date: '2026-11-25T10:00:00.000Z' },
			{ kind: 'format', author: '王芳', date: '2026-11-23T08:00:00.000Z' }
		]);
		const marksOf = (block: PMNode, words: string) =>
			block.content?.find((c) => c.text === words)?.marks ?? [];
		// The heading (level 2 → 1, the shallowest) was body text.
		expect(blocks[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
		expect(marksOf(blocks[0], '总体目标')).toEqual([
			{
				type: 'format_change',
				attrs: { id: 1, change: { block: { type: 'paragraph', attrs: {} } } }
			}
		]);
		expect(marksOf(blocks[1], '城市大脑')).toEqual([
			{ type: 'strong' },
			{ type: 'underline' },
			{
				type: 'format_change',
				attrs: { id: 2, change: { mark: 'strong', previous: null, next: { type: 'strong' } } }
			}
		]);
		expect(marksOf(blocks[1], '平台')).toEqual([]);
		expect(marksOf(blocks[1], '体系')).toEqual([
			{
				type: 'format_change',
				attrs: { id: 3, change: { mark: 'strong', previous: { type: 'strong' }, next: null } }
			}
		]);
		// Was 标题 3 (level 2 once shifted with the headings), body text now.
		expect(blocks[2].type).toBe('paragraph');
		expect(marksOf(blocks[2], '正文一段。')[0]?.attrs?.change).toEqual({
			block: { type: 'heading', attrs: { level: 2 } }
		});
	});
});

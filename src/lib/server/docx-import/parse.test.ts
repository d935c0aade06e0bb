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
});

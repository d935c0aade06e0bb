/**
 * The export model as a Word document (npm `docx`), typeset as Chinese government documents are:
 * A4, GB/T 9704 margins, body in 仿宋_GB2312 三号 with fixed 28 pt lines and a two-character first-line
 * indent, 黑体 / 楷体 / bold 仿宋 for the heading levels, tables in 宋体 五号, page numbers — 1 — in the
 * footer from the first page of the body. Font names are given for East Asian text too (eastAsia
 * attributes), which is what Word on officials' machines uses to pick them.
 *
 * The table of contents is written out (each entry with a PAGEREF field to its heading's bookmark),
 * so it shows in any reader and Word / LibreOffice fill in the page numbers.
 */
import {
	AlignmentType,
	Bookmark,
	BorderStyle,
	Document,
	ExternalHyperlink,
	Footer,
	Header,
	HeadingLevel,
	LeaderType,
	LevelFormat,
	LineRuleType,
	Packer,
	PageNumber,
	PageReference,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TabStopType,
	TextRun,
	VerticalAlignTable,
	WidthType,
	type IParagraphPropertiesChangeOptions,
	type IParagraphPropertiesOptionsBase,
	type IRunOptions,
	type ParagraphChild
} from 'docx';
import { ImageRun } from 'docx';
import { diagramPng, prepareDiagramPngs } from './diagram-png.ts';
import { headingText } from '../../export/markdown.ts';
import { figureParagraphs } from './docx-figure.ts';
import { coverDate, versionLines, versionRunning } from '../../export/model.ts';
import { WORDS } from '../../export/vocabulary.ts';
import { withFontTable } from './docx-fonts.ts';
import {
	formatRevision,
	revisionRun,
	structureRevisionOptions,
	styleRevision
} from './docx-revisions.ts';
import type {
	Block,
	DiagramBlock,
	ExportDocument,
	ExportSection,
	Inline,
	ParagraphBlock,
	SubheadingBlock,
	TableBlock,
	TableCell as ModelCell,
	VerificationBlock
} from '../../export/types.ts';
import type { InlineRevision } from '../../export/revisions.ts';

const FONTS = {
	/** GB/T 9704: the title in 小标宋 (the font table names the fallbacks, docx-fonts.ts). */
	title: '方正小标宋简体',
	song: '宋体',
	hei: '黑体',
	fang: '仿宋_GB2312',
	kai: '楷体_GB2312',
	latin: 'Times New Roman'
} as const;

function font(eastAsia: string) {
	return {
		ascii: FONTS.latin,
		hAnsi: FONTS.latin,
		cs: FONTS.latin,
		eastAsia,
		hint: 'eastAsia' as const
	};
}

/** Half-points, as Word counts font sizes: 三号 16 pt, 四号 14 pt, 五号 10.5 pt … */
const SIZE = {
	yihao: 52,
	xiaoer: 36,
	erhao: 44,
	sanhao: 32,
	sihao: 28,
	xiaosi: 24,
	wuhao: 21,
	xiaowu: 18
} as const;
const TWIPS_PER_MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
	top: Math.round(37 * TWIPS_PER_MM),
	bottom: Math.round(35 * TWIPS_PER_MM),
	left: Math.round(28 * TWIPS_PER_MM),
	right: Math.round(26 * TWIPS_PER_MM)
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_LINE = 560; // 28 pt exact

interface Ctx {
	tables: number;
	figures: number;
	bookmarks: Map<string, string>;
	images: NonNullable<ExportDocument['images']>;
	/** Word lists written so far (each list its own numbering instance, restarting at its start). */
	lists: number;
	/** The first numbers of the ordered lists written: one numbering definition per first number. */
	listStarts: Set<number>;
}

function newCtx(images: Ctx['images']): Ctx {
	return { tables: 0, figures: 0, bookmarks: new Map(), images, lists: 0, listStarts: new Set() };
}

/**
 * Lists as Word's own (w:numPr), so Word shows real bullets and numbers, renumbers them, and the
 * DOCX import reads them back as lists. One definition for bullets and one per first number for
 * ordered lists; a nested list of the other kind uses the other definition at its level.
 */
const BULLET_LIST = 'lantu-bullet';
const orderedList = (start: number) => `lantu-ordered-${start}`;
const BULLETS = ['•', '◦', '▪'];

function listNumbering(ctx: Ctx) {
	const levels = (ordered: boolean, start: number) =>
		Array.from({ length: 9 }, (_, level) => ({
			level,
			format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
			text: ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length],
			start: level === 0 ? start : 1,
			alignment: AlignmentType.LEFT
		}));
	return {
		config: [
			{ reference: BULLET_LIST, levels: levels(false, 1) },
			...[...ctx.listStarts].map((start) => ({
				reference: orderedList(start),
				levels: levels(true, start)
			}))
		]
	};
}

/** A list item's first paragraph: Word's bullet or number, the text hanging after it. */
function listParagraph(
	children: ParagraphChild[],
	indentLeft: number,
	numbering: { reference: string; level: number; instance: number }
): Paragraph {
	return new Paragraph({
		children,
		alignment: AlignmentType.JUSTIFIED,
		spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
		// The marker where a body paragraph's first line starts (two characters in), the text after it.
		indent: { left: indentLeft + 1120, hanging: 480 },
		numbering
	});
}

/** Every generated figure's SVG in the document. */
function diagramSvgs(doc: ExportDocument): string[] {
	const out: string[] = [];
	const walk = (list: readonly ExportSection[]) => {
		for (const s of list) {
			for (const b of s.blocks) if (b.type === 'diagram') out.push(b.svg);
			walk(s.children);
		}
	};
	walk([...doc.body, ...doc.appendices]);
	return out;
}

/** Twips per CSS pixel (1440 per inch, 96 px per inch). */
const TWIPS_PER_PX = 15;

/** A generated figure as a PNG at most the text width wide, its caption (图 8-1) under it. */
function diagram(block: DiagramBlock, ctx: Ctx): Paragraph[] {
	const scale = Math.min(1, TEXT_WIDTH / TWIPS_PER_PX / block.width);
	const caption = `${block.label ?? `${WORDS.figure}${++ctx.figures}`}${WORDS.gap}${block.caption}`;
	return [
		new Paragraph({
			alignment: AlignmentType.CENTER,
			keepNext: true,
			spacing: { before: 240, line: 240, lineRule: LineRuleType.AUTO },
			children: [
				new ImageRun({
					type: 'png',
					data: diagramPng(block.svg),
					transformation: {
						width: Math.round(block.width * scale),
						height: Math.round(block.height * scale)
					},
					altText: { name: caption, title: caption, description: caption }
				})
			]
		}),
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { after: 240 },
			children: [new TextRun({ text: caption, font: font(FONTS.hei), size: SIZE.xiaosi })]
		})
	];
}

function bookmarkId(ctx: Ctx, sectionId: string): string {
	let id = ctx.bookmarks.get(sectionId);
	if (!id) {
		id = `_Toc${String(ctx.bookmarks.size + 1).padStart(6, '0')}`;
		ctx.bookmarks.set(sectionId, id);
	}
	return id;
}

function runs(inlines: readonly Inline[], base: IRunOptions = {}): ParagraphChild[] {
	return inlines.map((inline) => {
		if ('break' in inline) return new TextRun({ ...base, break: 1 });
		const format = {
			...base,
			bold: inline.bold || base.bold,
			italics: inline.italic,
			underline: inline.underline ? {} : undefined
		};
		const options = {
			...format,
			text: inline.text,
			...(inline.formatChange && {
				revision: formatRevision(inline.formatChange, base)
			})
		};
		const run = inline.revision ? revisionRun(inline.revision, options) : new TextRun(options);
		return inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run;
	});
}

/** A body paragraph's properties (also what a style suggestion's `w:pPrChange` says it was). */
function bodyProperties(indentLeft = 0): IParagraphPropertiesOptionsBase {
	return {
		alignment: AlignmentType.JUSTIFIED,
		spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
		indent: indentLeft ? { left: indentLeft, hanging: 0, firstLine: 640 } : { firstLine: 640 }
	};
}

function bodyParagraph(
	children: ParagraphChild[],
	indentLeft = 0,
	revision?: IParagraphPropertiesChangeOptions
): Paragraph {
	return new Paragraph({ children, ...bodyProperties(indentLeft), revision });
}

const HEADING_STYLE: Record<
	number,
	{ font: string; bold: boolean; level: (typeof HeadingLevel)[keyof typeof HeadingLevel] }
> = {
	1: { font: FONTS.hei, bold: false, level: HeadingLevel.HEADING_1 },
	2: { font: FONTS.hei, bold: false, level: HeadingLevel.HEADING_2 },
	3: { font: FONTS.kai, bold: false, level: HeadingLevel.HEADING_3 },
	4: { font: FONTS.fang, bold: true, level: HeadingLevel.HEADING_4 },
	5: { font: FONTS.fang, bold: true, level: HeadingLevel.HEADING_5 }
};

function headingParagraph(
	level: number,
	children: ParagraphChild[],
	chapter: boolean,
	revision?: IParagraphPropertiesChangeOptions
): Paragraph {
	return new Paragraph({ children, ...headingProperties(level, chapter), revision });
}

/** A heading's paragraph properties (also what a style suggestion's `w:pPrChange` says it was). */
function headingProperties(level: number, chapter: boolean): IParagraphPropertiesOptionsBase {
	const style = HEADING_STYLE[Math.min(level, 5)];
	return {
		heading: style.level,
		alignment: chapter ? AlignmentType.CENTER : AlignmentType.LEFT,
		pageBreakBefore: chapter,
		keepNext: true,
		spacing: chapter
			? { before: 0, after: 480, line: BODY_LINE, lineRule: LineRuleType.EXACT }
			: { before: 120, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT },
		indent: chapter ? undefined : { firstLine: 640 }
	};
}

/** The `w:pPrChange` of a paragraph or subheading whose style is a pending suggestion. */
function styleChangeOf(
	block: ParagraphBlock | SubheadingBlock,
	level: number,
	indent: number
): IParagraphPropertiesChangeOptions | undefined {
	const change = block.styleChange;
	if (!change) return undefined;
	const previous =
		change.previous.type === 'subheading'
			? headingProperties(Math.min(5, level + change.previous.depth), false)
			: bodyProperties(indent);
	return styleRevision(change, previous);
}

function cellParagraphs(cell: ModelCell, header: boolean, ctx: Ctx): Paragraph[] {
	const base: IRunOptions = { font: font(header ? FONTS.hei : FONTS.song), size: SIZE.wuhao };
	const out: Paragraph[] = [];
	const push = (children: ParagraphChild[], numbering?: ReturnType<typeof newWordList>) =>
		out.push(
			new Paragraph({
				children,
				alignment: header
					? AlignmentType.CENTER
					: cell.numeric
						? AlignmentType.RIGHT
						: AlignmentType.LEFT,
				// A list item: its marker two 五号 characters in per level, the text hanging after it.
				indent: numbering
					? { left: 420 * (numbering.level + 1), hanging: 420 }
					: cell.indent
						? { left: cell.indent * 210 }
						: undefined,
				spacing: { line: 300, lineRule: LineRuleType.AUTO },
				numbering
			})
		);
	const walk = (block: Block, prefix = '', listLevel = 0) => {
		switch (block.type) {
			case 'paragraph':
			case 'subheading':
				push([
					...(prefix ? [new TextRun({ ...base, text: prefix })] : []),
					...runs(block.inlines, base)
				]);
				break;
			case 'list': {
				if (block.wrapped) {
					// 修订: a suggested list keeps its markers as text, as in the body.
					block.items.forEach((item, i) =>
						item.forEach((b, j) =>
							walk(b, j === 0 ? (block.ordered ? `${block.start + i}. ` : '• ') : '')
						)
					);
					break;
				}
				const numbering = newWordList(block, ctx, listLevel);
				for (const item of block.items)
					item.forEach((b, j) => {
						if (j === 0 && b.type === 'paragraph') push(runs(b.inlines, base), numbering);
						else walk(b, '', listLevel + 1);
					});
				break;
			}
			case 'quote':
				block.children.forEach((b) => walk(b));
				break;
			case 'table':
				for (const row of block.rows)
					for (const c of row) out.push(...cellParagraphs(c, false, ctx));
				break;
			case 'empty':
				push([new TextRun({ ...base, text: block.text })]);
				break;
			case 'image':
				// A figure inside a table cell: a third of the text width at most.
				out.push(
					...figureParagraphs(
						{ ...block, width: Math.min(block.width, 30) },
						ctx.images[block.src],
						TEXT_WIDTH,
						{
							font: font(FONTS.hei),
							size: SIZE.wuhao
						}
					)
				);
		}
	};
	cell.blocks.forEach((b) => walk(b));
	if (out.length === 0) push([]);
	return out;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(block: TableBlock, ctx: Ctx): (Paragraph | Table)[] {
	const widths = columnWidths(block);
	const out: (Paragraph | Table)[] = tableHead(block, ctx);
	const row = (cells: readonly ModelCell[], emphasis: 'header' | 'footer' | null) =>
		tableRow(cells, widths, emphasis, ctx);
	const rows: TableRow[] = [];
	if (block.header.length)
		rows.push(
			row(
				block.header.map((h) => ({ blocks: [{ type: 'paragraph', inlines: [{ text: h }] }] })),
				'header'
			)
		);
	block.rows.forEach((cells, index) =>
		rows.push(tableRow(cells, widths, null, ctx, block.rowRevisions?.[index]))
	);
	if (block.footer) rows.push(row(block.footer, 'footer'));
	out.push(
		new Table({
			rows,
			width: { size: TEXT_WIDTH, type: WidthType.DXA },
			columnWidths: widths,
			borders: {
				top: BORDER,
				bottom: BORDER,
				left: BORDER,
				right: BORDER,
				insideHorizontal: BORDER,
				insideVertical: BORDER
			}
		})
	);
	out.push(new Paragraph({ children: [], spacing: { after: 0 } }));
	return out;
}

/** Each column's width in twips: the block's weights (or equal ones) over the text width. */
function columnWidths(block: TableBlock): number[] {
	const columns = Math.max(
		block.header.length,
		...block.rows.map((r) => r.reduce((a, c) => a + (c.colspan ?? 1), 0))
	);
	const weights =
		block.widths && block.widths.length === columns ? block.widths : Array(columns).fill(1);
	const sum = weights.reduce((a, b) => a + b, 0);
	return weights.map((w) => Math.round((w / sum) * TEXT_WIDTH));
}

/** The caption (表N) and the 单位：万元 line above the table on the right, both kept with it. */
function tableHead(block: TableBlock, ctx: Ctx): Paragraph[] {
	const out: Paragraph[] = [];
	if (block.caption) {
		ctx.tables += 1;
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				keepNext: true,
				spacing: { before: 240, after: 120 },
				children: [
					new TextRun({
						text: `${WORDS.table}${ctx.tables}${WORDS.gap}${block.caption}`,
						font: font(FONTS.hei),
						size: SIZE.xiaosi
					})
				]
			})
		);
	}
	if (block.note)
		out.push(
			new Paragraph({
				alignment: AlignmentType.RIGHT,
				keepNext: true,
				children: [new TextRun({ text: block.note, font: font(FONTS.song), size: SIZE.wuhao })]
			})
		);
	return out;
}

function tableRow(
	cells: readonly ModelCell[],
	widths: readonly number[],
	emphasis: 'header' | 'footer' | null,
	ctx: Ctx,
	revision?: InlineRevision | null
): TableRow {
	const header = emphasis === 'header';
	let column = 0;
	return new TableRow({
		// 修订: a suggested row as Word's inserted / deleted row (w:trPr).
		...structureRevisionOptions(revision),
		tableHeader: header,
		// A row is never split across pages (a print shop's first complaint).
		cantSplit: true,
		children: cells.map((cell) => {
			const span = cell.colspan ?? 1;
			const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
			column += span;
			return new TableCell({
				children: cellParagraphs(cell, emphasis !== null, ctx),
				columnSpan: span > 1 ? span : undefined,
				rowSpan: cell.rowspan && cell.rowspan > 1 ? cell.rowspan : undefined,
				width: { size: width, type: WidthType.DXA },
				verticalAlign: VerticalAlignTable.CENTER,
				shading: header ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
				margins: { top: 40, bottom: 40, left: 80, right: 80 },
				// 修订: a suggested column's cell (w:cellIns / w:cellDel).
				...structureRevisionOptions(cell.revision)
			});
		})
	});
}

function blocks(
	list: readonly Block[],
	level: number,
	ctx: Ctx,
	indent = 0,
	/** The level of a list inside a list item (Word's w:ilvl). */
	listLevel = 0
): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = [];
	for (const block of list) {
		switch (block.type) {
			case 'paragraph':
				out.push(bodyParagraph(runs(block.inlines), indent, styleChangeOf(block, level, indent)));
				break;
			case 'subheading': {
				const depth = Math.min(5, level + block.depth);
				out.push(
					headingParagraph(depth, runs(block.inlines), false, styleChangeOf(block, level, indent))
				);
				break;
			}
			case 'list':
				if (!block.wrapped) {
					out.push(...wordList(block, level, ctx, indent, listLevel));
					break;
				}
				block.items.forEach((item, i) => {
					const marker = block.ordered ? `${block.start + i}. ` : '• ';
					// 修订: paragraphs suggested into a list — the markers are what was inserted.
					const markerRun = block.wrapped
						? revisionRun(block.wrapped, { text: marker })
						: new TextRun({ text: marker });
					item.forEach((b, j) => {
						if (j === 0 && b.type === 'paragraph')
							out.push(bodyParagraph([markerRun, ...runs(b.inlines)], indent));
						else out.push(...blocks([b], level, ctx, indent + 640));
					});
				});
				break;
			case 'quote':
				out.push(...blocks(block.children, level, ctx, indent + 640));
				break;
			case 'table':
				out.push(...table(block, ctx));
				break;
			case 'diagram':
				out.push(...diagram(block, ctx));
				break;
			case 'empty':
				out.push(
					bodyParagraph([new TextRun({ text: block.text, italics: true, color: '595959' })], indent)
				);
				break;
			case 'image':
				out.push(
					...figureParagraphs(block, ctx.images[block.src], TEXT_WIDTH, {
						font: font(FONTS.hei),
						size: SIZE.xiaosi
					})
				);
		}
	}
	return out;
}

/** The numbering of a new Word list: its kind's definition, its level, an instance of its own. */
function newWordList(block: Extract<Block, { type: 'list' }>, ctx: Ctx, listLevel: number) {
	const start = Math.max(1, block.start);
	if (block.ordered) ctx.listStarts.add(start);
	return {
		reference: block.ordered ? orderedList(start) : BULLET_LIST,
		level: Math.min(listLevel, 8),
		instance: ++ctx.lists
	};
}

/** A list that is no suggestion, as a Word list (its nested lists one level deeper). */
function wordList(
	block: Extract<Block, { type: 'list' }>,
	level: number,
	ctx: Ctx,
	indent: number,
	listLevel: number
): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = [];
	const numbering = newWordList(block, ctx, listLevel);
	for (const item of block.items)
		item.forEach((b, j) => {
			if (j === 0 && b.type === 'paragraph')
				out.push(listParagraph(runs(b.inlines), indent, numbering));
			else if (b.type === 'list') out.push(...blocks([b], level, ctx, indent + 640, listLevel + 1));
			else out.push(...blocks([b], level, ctx, indent + 1120, listLevel + 1));
		});
	return out;
}

function sectionChildren(section: ExportSection, ctx: Ctx): (Paragraph | Table)[] {
	const id = bookmarkId(ctx, section.id);
	const chapter = section.level === 1;
	const out: (Paragraph | Table)[] = [
		headingParagraph(
			section.level,
			[
				new Bookmark({
					id,
					children: [
						new TextRun({ text: headingText(section), size: chapter ? SIZE.xiaoer : undefined })
					]
				})
			],
			chapter
		),
		...(section.stamp ?? []).map(
			(text) =>
				new Paragraph({
					alignment: AlignmentType.CENTER,
					spacing: { after: 120 },
					children: [
						new TextRun({ text, font: font(FONTS.kai), size: SIZE.xiaosi, color: '404040' })
					]
				})
		),
		...blocks(section.blocks, section.level, ctx)
	];
	for (const child of section.children) out.push(...sectionChildren(child, ctx));
	return out;
}

function tocEntries(doc: ExportDocument, ctx: Ctx): Paragraph[] {
	const entries: Paragraph[] = [];
	const add = (section: ExportSection) => {
		const level = section.level;
		entries.push(
			new Paragraph({
				tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
				indent: { left: (level - 1) * 640 },
				spacing: { line: 440, lineRule: LineRuleType.EXACT },
				children: [
					new TextRun({
						text: headingText(section),
						font: font(level === 1 ? FONTS.hei : FONTS.fang),
						size: SIZE.sihao
					}),
					new TextRun({ text: '\t', size: SIZE.sihao }),
					new PageReference(bookmarkId(ctx, section.id))
				]
			})
		);
	};
	for (const chapter of [...doc.body, ...doc.appendices]) {
		add(chapter);
		if (doc.meta.edition === 'full' || chapter.level === 1)
			chapter.children.forEach((c) => c.level <= 2 && add(c));
	}
	return entries;
}

/** The period goes on a line of its own: 示例市智慧城市顶层设计 / （2026—2030年）. */
function titleLines(title: string): string[] {
	const match = /^(.+?)(（\d{4}—\d{4}年）)$/u.exec(title);
	return match ? [match[1], match[2]] : [title];
}

/** A hash on a line of its own, named as what it is: SHA-256 in hex. */
function hashParagraph(hash: string): Paragraph {
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: { after: 120 },
		children: [
			new TextRun({ text: `${WORDS.sha256}：${hash}`, font: font(FONTS.song), size: SIZE.wuhao })
		]
	});
}

/** The title (方正小标宋 二号) and, under it, the edition in 楷体. */
function coverTitle(meta: ExportDocument['meta'], compilation: boolean): Paragraph[] {
	return [
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { after: 360, line: 720, lineRule: LineRuleType.EXACT },
			children: titleLines(meta.title).map(
				(text, i) =>
					new TextRun({
						text,
						font: font(FONTS.title),
						size: SIZE.erhao,
						break: i > 0 ? 1 : undefined
					})
			)
		}),
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { after: compilation ? 720 : 2400 },
			children: [
				new TextRun({
					text:
						meta.version.kind === 'draft'
							? `（${meta.editionLabel}·${WORDS.draft}）`
							: meta.version.kind === 'compilation'
								? `（${meta.editionLabel}·${meta.version.label}）`
								: `（${meta.editionLabel}）`,
					font: font(FONTS.kai),
					size: SIZE.sanhao
				})
			]
		})
	];
}

/** Under the cover's lines: how a compilation's hash is formed, or the draft's notice. */
function coverNotes(meta: ExportDocument['meta'], compilation: boolean): Paragraph[] {
	const out: Paragraph[] = [];
	if (compilation)
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				spacing: { before: 240, line: 300, lineRule: LineRuleType.AUTO },
				children: [
					new TextRun({
						text: WORDS.compilationHashNote,
						font: font(FONTS.kai),
						size: SIZE.xiaowu,
						color: '595959'
					})
				]
			})
		);
	if (meta.version.kind === 'draft')
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				spacing: { before: 1200 },
				children: [
					new TextRun({
						text: WORDS.draftNotice,
						font: font(FONTS.kai),
						size: SIZE.sihao,
						color: 'C00000'
					})
				]
			})
		);
	return out;
}

function cover(doc: ExportDocument): Paragraph[] {
	const { meta } = doc;
	const compilation = meta.version.kind === 'compilation';
	// A compilation lists four versions: less air above and below the title keeps it on one page.
	const lineHeight = compilation ? 480 : 640;
	const line = (label: string, value: string) =>
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { line: lineHeight, lineRule: LineRuleType.EXACT },
			children: [
				new TextRun({ text: `${label}：`, font: font(FONTS.hei), size: SIZE.sanhao }),
				new TextRun({ text: value, font: font(FONTS.fang), size: SIZE.sanhao })
			]
		});
	const out = [
		new Paragraph({ spacing: { before: compilation ? 600 : 2400 }, children: [] }),
		...coverTitle(meta, compilation),
		line(WORDS.leadUnit, meta.leadUnit),
		line(WORDS.period, `${meta.periodStart}—${meta.periodEnd}年`),
		...versionLines(meta.version).flatMap((v) => [
			line(v.label, v.value),
			...(v.hash ? [hashParagraph(v.hash)] : [])
		]),
		line(WORDS.date, coverDate(meta))
	];
	out.push(...coverNotes(meta, compilation));
	return out;
}

/** Page number, plus the version's hash line when the document is a frozen version. */
function pageFooter(doc?: ExportDocument): Footer {
	const running = doc ? versionRunning(doc.meta) : undefined;
	return new Footer({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [
					new TextRun({
						children: ['— ', PageNumber.CURRENT, ' —'],
						font: font(FONTS.song),
						size: SIZE.sihao
					})
				]
			}),
			...(running
				? [
						new Paragraph({
							alignment: AlignmentType.CENTER,
							children: [
								new TextRun({
									text: running.footer,
									font: font(FONTS.song),
									size: SIZE.xiaowu - 4,
									color: '808080'
								})
							]
						})
					]
				: [])
		]
	});
}

/** 草稿 on every page of the draft; a frozen version's label (its hash is in the footer). */
function runningHeader(doc: ExportDocument): Header | undefined {
	const running = versionRunning(doc.meta);
	const text =
		doc.meta.version.kind === 'draft'
			? `${doc.meta.title}${WORDS.gap}${WORDS.draft}`
			: running?.header;
	if (!text) return undefined;
	return new Header({
		children: [
			new Paragraph({
				alignment: AlignmentType.RIGHT,
				children: [
					new TextRun({
						text,
						font: font(FONTS.song),
						size: SIZE.xiaowu,
						color: '808080'
					})
				]
			})
		]
	});
}

/** The signed 验证信息 on a page of its own: label in 黑体, hashes and base64 monospaced, one chunk a line. */
function verificationPage(block: VerificationBlock): Paragraph[] {
	const mono = {
		ascii: 'Courier New',
		hAnsi: 'Courier New',
		eastAsia: FONTS.song,
		cs: 'Courier New'
	};
	return [
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { after: 360 },
			children: [new TextRun({ text: block.title, font: font(FONTS.hei), size: SIZE.erhao })]
		}),
		new Paragraph({
			spacing: { after: 240 },
			children: [new TextRun({ text: block.note, font: font(FONTS.kai), size: SIZE.xiaowu })]
		}),
		...block.lines.map(
			(line) =>
				new Paragraph({
					spacing: { after: 120 },
					children: [
						new TextRun({ text: `${line.label}：`, font: font(FONTS.hei), size: SIZE.xiaowu }),
						...line.value.split('\n').map(
							(chunk, i) =>
								new TextRun({
									text: chunk,
									font: line.code ? mono : font(FONTS.song),
									size: line.code ? SIZE.xiaowu - 4 : SIZE.xiaowu,
									break: line.code && (i > 0 || line.value.length > 40) ? 1 : undefined
								})
						)
					]
				})
		)
	];
}

const PAGE_PROPERTIES = {
	size: { width: PAGE.width, height: PAGE.height },
	margin: { ...MARGIN, header: 851, footer: 992 }
};

/** Builds the document object; `yieldEvery` lets the caller give the event loop a turn between chapters. */
export async function renderDocx(
	doc: ExportDocument,
	pause: () => Promise<void> = async () => {}
): Promise<Uint8Array> {
	const ctx = newCtx(doc.images ?? {});
	await prepareDiagramPngs(diagramSvgs(doc));
	const body: (Paragraph | Table)[] = [];
	// Bookmarks first so the table of contents can point at them.
	const toc = tocEntries(doc, ctx);
	for (const chapter of [...doc.body, ...doc.appendices]) {
		body.push(...sectionChildren(chapter, ctx));
		await pause();
	}
	const header = runningHeader(doc);
	const document = new Document({
		creator: doc.meta.leadUnit,
		title: doc.meta.title,
		description: `${doc.meta.editionLabel} ${doc.meta.version.label}${doc.meta.version.hash ? ` ${doc.meta.version.hash}` : ''}`,
		styles: documentStyles(),
		numbering: listNumbering(ctx),
		sections: [
			{
				properties: { page: PAGE_PROPERTIES, titlePage: false },
				children: cover(doc)
			},
			{
				properties: { page: PAGE_PROPERTIES },
				headers: header ? { default: header } : undefined,
				children: [
					new Paragraph({
						alignment: AlignmentType.CENTER,
						spacing: { after: 480 },
						children: [new TextRun({ text: WORDS.toc, font: font(FONTS.hei), size: SIZE.erhao })]
					}),
					...toc
				]
			},
			{
				properties: { page: { ...PAGE_PROPERTIES, pageNumbers: { start: 1 } } },
				headers: header ? { default: header } : undefined,
				footers: { default: pageFooter(doc) },
				children: body
			},
			...(doc.verification
				? [
						{
							properties: { page: PAGE_PROPERTIES },
							headers: header ? { default: header } : undefined,
							footers: { default: pageFooter(doc) },
							children: verificationPage(doc.verification)
						}
					]
				: [])
		]
	});
	return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}

/** Body 仿宋 三号 on a fixed line pitch, headings per level: shared by the plan and short documents. */
function documentStyles() {
	return {
		default: {
			document: {
				run: { font: font(FONTS.fang), size: SIZE.sanhao },
				paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT } }
			},
			...Object.fromEntries(
				[1, 2, 3, 4, 5].map((level) => [
					`heading${level}`,
					{
						run: {
							font: font(HEADING_STYLE[level].font),
							size: SIZE.sanhao,
							bold: HEADING_STYLE[level].bold,
							color: '000000'
						},
						paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT } }
					}
				])
			)
		}
	};
}

/** A short official document (说明, 报告): 小标题 title, optional centred lines under it, body blocks. */
export interface OfficialDocument {
	title: string;
	/** Centred lines under the title in 楷体 (e.g. the plan's name, the date). */
	subtitle?: string[];
	/** Body blocks: paragraphs, subheadings (depth 1 → 黑体 一、), tables with captions. */
	blocks: Block[];
	creator?: string;
	description?: string;
}

/**
 * Renders a short document in the same 公文 typesetting as the plan (A4, GB/T 9704 margins,
 * 仿宋_GB2312 三号 body, 黑体 headings, 宋体 五号 tables, — 1 — page numbers), without cover or
 * table of contents. Used for the 意见采纳情况说明 of consultation rounds.
 */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Uint8Array> {
	const ctx = newCtx({});
	const children: (Paragraph | Table)[] = [
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { before: 0, after: doc.subtitle?.length ? 240 : 480 },
			children: [new TextRun({ text: doc.title, font: font(FONTS.title), size: SIZE.erhao })]
		}),
		...(doc.subtitle ?? []).map(
			(line, i, all) =>
				new Paragraph({
					alignment: AlignmentType.CENTER,
					spacing: { after: i === all.length - 1 ? 480 : 0 },
					children: [new TextRun({ text: line, font: font(FONTS.kai), size: SIZE.sanhao })]
				})
		),
		...blocks(doc.blocks, 1, ctx)
	];
	const document = new Document({
		creator: doc.creator ?? '',
		title: doc.title,
		description: doc.description,
		styles: documentStyles(),
		numbering: listNumbering(ctx),
		sections: [
			{
				properties: { page: { ...PAGE_PROPERTIES, pageNumbers: { start: 1 } } },
				footers: { default: pageFooter() },
				children
			}
		]
	});
	return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}

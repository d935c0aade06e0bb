/** The export model as Markdown (CommonMark + GFM tables), for reuse in other tools. */
import { coverDate, versionLines } from './model.ts';
import { WORDS } from './vocabulary.ts';
import type {
	Block,
	ExportDocument,
	ExportSection,
	ImageAsset,
	Inline,
	TableBlock,
	TableCell
} from './types.ts';

/** Escapes what Markdown would read as syntax; Chinese text passes unchanged. */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/([\\`*_[\]<>|])/g, '\\$1')
		.replace(/^(\s*)([#>+-])(?=\s|$)/gm, '$1\\$2')
		.replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}

function inlines(list: readonly Inline[]): string {
	return list
		.map((inline) => {
			if ('break' in inline) return '  \n';
			let text = escapeMarkdown(inline.text);
			if (!text.trim()) return text;
			if (inline.bold) text = `**${text}**`;
			if (inline.italic) text = `*${text}*`;
			if (inline.underline) text = `<u>${text}</u>`;
			if (inline.href) text = `[${text}](${inline.href.replace(/[()\s]/g, encodeURIComponent)})`;
			return text;
		})
		.join('');
}

function cellText(cell: TableCell, ctx: Ctx): string {
	return blocks(cell.blocks, 0, ctx).trim().replace(/\n+/g, '<br>');
}

function table(block: TableBlock, n: number, ctx: Ctx): string {
	const width = Math.max(
		block.header.length,
		...block.rows.map((r) => r.reduce((a, c) => a + (c.colspan ?? 1), 0))
	);
	const row = (cells: readonly TableCell[]) => {
		const out: string[] = [];
		for (const cell of cells) {
			out.push(cellText(cell, ctx));
			for (let i = 1; i < (cell.colspan ?? 1); i++) out.push('');
		}
		while (out.length < width) out.push('');
		return `| ${out.join(' | ')} |`;
	};
	const header = block.header.length
		? block.header.map((h) => escapeMarkdown(h))
		: Array.from({ length: width }, () => '');
	const lines = [
		block.caption ? `**${WORDS.table}${n}${WORDS.gap}${escapeMarkdown(block.caption)}**\n` : '',
		// 单位：万元 above the table, as printed tables carry it.
		block.note ? `${escapeMarkdown(block.note)}\n` : '',
		`| ${header.join(' | ')} |`,
		`| ${header.map(() => '---').join(' | ')} |`,
		...block.rows.map(row),
		...(block.footer ? [row(block.footer)] : [])
	];
	return lines.filter(Boolean).join('\n');
}

interface Ctx {
	tables: number;
	images: NonNullable<ExportDocument['images']>;
}

function blocks(list: readonly Block[], headingLevel: number, ctx: Ctx): string {
	return list
		.map((b) => block(b, headingLevel, ctx))
		.filter(Boolean)
		.join('\n\n');
}

function block(b: Block, headingLevel: number, ctx: Ctx): string {
	switch (b.type) {
		case 'paragraph':
			return inlines(b.inlines);
		case 'subheading':
			return `${'#'.repeat(Math.min(6, headingLevel + b.depth))} ${inlines(b.inlines)}`;
		case 'list':
			return b.items
				.map((item, i) => {
					const marker = b.ordered ? `${b.start + i}. ` : '- ';
					const body = blocks(item, headingLevel, ctx).replace(
						/\n/g,
						`\n${' '.repeat(marker.length)}`
					);
					return `${marker}${body}`;
				})
				.join('\n');
		case 'quote':
			return blocks(b.children, headingLevel, ctx)
				.split('\n')
				.map((line) => `> ${line}`)
				.join('\n');
		case 'table':
			return table(b, b.caption ? ++ctx.tables : ctx.tables, ctx);
		case 'diagram':
			// A figure's data is the table that follows it; Markdown carries no pictures.
			return '';
		case 'empty':
			return `*${escapeMarkdown(b.text)}*`;
		case 'image': {
			const caption = [b.label, b.caption].filter(Boolean).join(WORDS.gap);
			const image = ctx.images[b.src];
			const picture = image
				? `![${escapeMarkdown(b.alt)}](${imagePath(image)})`
				: `*${WORDS.imageMissing}*`;
			return caption ? `${picture}\n\n**${escapeMarkdown(caption)}**` : picture;
		}
	}
}

const EXTENSIONS: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/gif': 'gif',
	'image/webp': 'webp'
};

/** Where an image sits in the Markdown export's zip, beside the .md file. */
export function imagePath(image: Pick<ImageAsset, 'hash' | 'mime'>): string {
	return `images/${image.hash}.${EXTENSIONS[image.mime] ?? 'bin'}`;
}

function section(s: ExportSection, ctx: Ctx): string {
	const level = Math.min(6, s.level + 1);
	const title = headingText(s);
	const parts = [`${'#'.repeat(level)} ${escapeMarkdown(title)}`];
	if (s.stamp?.length) parts.push(s.stamp.map((line) => `*${escapeMarkdown(line)}*`).join('  \n'));
	if (s.blocks.length) parts.push(blocks(s.blocks, level, ctx));
	for (const child of s.children) parts.push(section(child, ctx));
	return parts.join('\n\n');
}

/** 第一章 需求分析, 一、城市…, （一）战略定位, 6.1 城市…: no space after 、 and ）. */
export function headingText(s: Pick<ExportSection, 'number' | 'title'>): string {
	if (!s.number) return s.title;
	return /[、）]$/u.test(s.number) ? `${s.number}${s.title}` : `${s.number} ${s.title}`;
}

export function renderMarkdown(doc: ExportDocument): string {
	const ctx: Ctx = { tables: 0, images: doc.images ?? {} };
	const { meta } = doc;
	const draft = meta.version.kind === 'draft';
	const versions = versionLines(meta.version).map(
		(v) =>
			`${escapeMarkdown(v.label)}：${escapeMarkdown(v.value)}${v.hash ? `${v.value ? ' ' : ''}\`${v.hash}\`` : ''}`
	);
	const head = [
		`# ${escapeMarkdown(meta.title)}`,
		`**${escapeMarkdown(meta.editionLabel)}**${WORDS.gap}**${escapeMarkdown(draft ? WORDS.draft : meta.version.label)}**`,
		[
			`${WORDS.leadUnit}：${escapeMarkdown(meta.leadUnit)}`,
			`${WORDS.period}：${meta.periodStart}—${meta.periodEnd}年`,
			...versions,
			`${WORDS.date}：${coverDate(meta)}`
		].join('  \n'),
		...(draft ? [`> ${WORDS.draftNotice}`] : []),
		...(meta.version.kind === 'compilation' ? [`> ${WORDS.compilationHashNote}`] : [])
	];
	const body = [...doc.body, ...doc.appendices].map((s) => section(s, ctx));
	return `${[...head, ...body].join('\n\n')}\n`;
}

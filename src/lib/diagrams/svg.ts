/**
 * The small SVG toolkit the diagram builders share: text width estimates for CJK and
 * Latin, wrapping (never cutting: a figure shows the whole name), multi-line text, the document
 * frame. Pure string building, so the same output is shown in the browser, inlined in the print
 * page (vector in the PDF) and rasterised for the DOCX.
 */
import { escapeHtml as esc } from '../escape-html.ts';

/** A generated figure: a self-contained SVG document and its size in CSS pixels. */
export interface Diagram {
	svg: string;
	width: number;
	height: number;
	/** The leaf boxes laid out (chips, nodes): none may overlap another. */
	boxes: Box[];
}

/** A laid-out box, for the builders' no-overlap tests. */
export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Font stacks: the official fonts first, then the open TrueType ones (see export/html.ts). */
export const SANS = `'SimHei', '黑体', 'WenQuanYi Zen Hei', sans-serif`;
export const SERIF = `'SimSun', '宋体', 'AR PL UMing CN', serif`;

export const COLORS = {
	ink: '#1f2937',
	muted: '#4b5563',
	line: '#64748b',
	band: '#eef2ff',
	bandEdge: '#6366f1',
	label: '#c7d2fe',
	chip: '#ffffff',
	pillar: '#ecfdf5',
	pillarEdge: '#059669',
	orphan: '#b91c1c',
	orphanFill: '#fef2f2'
} as const;

/** Full-width characters take one em, others a little over half of one. */
function charWidth(ch: string, size: number): number {
	const code = ch.codePointAt(0) ?? 0;
	return code > 0x2e80 ? size : size * 0.58;
}

export function textWidth(text: string, size: number): number {
	let w = 0;
	for (const ch of text) w += charWidth(ch, size);
	return w;
}

/** Lines of at most `max` width, broken between characters (CJK has no word spaces to wait for). */
export function wrap(text: string, max: number, size: number): string[] {
	const lines: string[] = [];
	for (const para of text.split(/\n+/)) {
		let line = '';
		let width = 0;
		for (const ch of para.trim()) {
			const w = charWidth(ch, size);
			if (width + w > max && line) {
				lines.push(line);
				line = '';
				width = 0;
			}
			line += ch;
			width += w;
		}
		if (line) lines.push(line);
	}
	return lines.length ? lines : [''];
}

export interface TextOptions {
	size: number;
	anchor?: 'start' | 'middle' | 'end';
	family?: string;
	fill?: string;
	lineHeight?: number;
}

/** Lines of text whose first baseline is at `y` + size. */
export function textBlock(lines: readonly string[], x: number, y: number, o: TextOptions): string {
	const lh = o.lineHeight ?? o.size * 1.3;
	const spans = lines
		.map((line, i) => `<tspan x="${x}" y="${round(y + o.size + i * lh)}">${esc(line)}</tspan>`)
		.join('');
	return `<text font-family="${esc(o.family ?? SANS)}" font-size="${o.size}" fill="${o.fill ?? COLORS.ink}" text-anchor="${o.anchor ?? 'start'}">${spans}</text>`;
}

export function textHeight(lines: number, size: number, lineHeight = size * 1.3): number {
	return lines <= 0 ? 0 : size + (lines - 1) * lineHeight + size * 0.3;
}

export function round(n: number): number {
	return Math.round(n * 10) / 10;
}

export function rect(
	b: Box,
	fill: string,
	stroke: string,
	extra: { dashed?: boolean; radius?: number; strokeWidth?: number } = {}
): string {
	return `<rect x="${round(b.x)}" y="${round(b.y)}" width="${round(b.width)}" height="${round(b.height)}" rx="${extra.radius ?? 3}" fill="${fill}" stroke="${stroke}" stroke-width="${extra.strokeWidth ?? 1}"${extra.dashed ? ' stroke-dasharray="5 3"' : ''}/>`;
}

/** The SVG document: its own size, a title for screen readers, white ground (PNG and print). */
export function svgDocument(
	width: number,
	height: number,
	title: string,
	body: string,
	boxes: Box[] = []
): Diagram {
	const w = Math.ceil(width);
	const h = Math.ceil(height);
	return {
		width: w,
		height: h,
		boxes,
		svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img"><title>${esc(title)}</title><rect width="${w}" height="${h}" fill="#ffffff"/>${body}</svg>`
	};
}

/** Items of a 主要内容 text: its clauses (split at ；and line ends; 、 and ， join words inside a clause). */
export function listItems(text: string): string[] {
	return text
		.split(/[；;\n]+/u)
		.map((s) => s.replace(/[。.\s]+$/u, '').trim())
		.filter(Boolean);
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

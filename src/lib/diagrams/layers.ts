/**
 * 7.4's 总体架构图 and 8.4's infrastructure: the architecture layers as stacked horizontal bands
 * (智慧应用 on top, 物联感知 at the bottom, as GB/T 34678 draws its reference model), each with its
 * name on the left and its 主要内容 as boxes; the cross-cutting perspectives (建设管理, 安全保障,
 * 运维管理) as vertical pillars beside the stack.
 */
import { ARCHITECTURE_LAYERS, type ArchitectureLayer } from '../templates/presets/gbt34678.ts';
import { BLOCKS, parseRows } from '../templates/blocks/index.ts';
import {
	COLORS,
	listItems,
	rect,
	SANS,
	svgDocument,
	textBlock,
	textHeight,
	textWidth,
	wrap,
	type Box,
	type Diagram
} from './svg.ts';

/** Top to bottom. */
const STACK: readonly ArchitectureLayer[] = [
	'application',
	'data-service',
	'compute',
	'network',
	'sensing',
	'other'
];
const PILLARS: readonly ArchitectureLayer[] = ['construction-management', 'security', 'operations'];

const WIDTH = 760;
const PAD = 12;
const LABEL_W = 120;
const PILLAR_W = 46;
const GAP = 8;
const CHIP_SIZE = 12;
const CHIP_H = 26;
const LABEL_SIZE = 14;

function layerLabel(layer: string): string {
	return ARCHITECTURE_LAYERS.find((l) => l.value === layer)?.label ?? '';
}

interface Band {
	title: string;
	items: string[];
}

/** Chips laid left to right, wrapping; returns their boxes and the height used. */
function flow(items: readonly string[], x: number, y: number, width: number): Box[] {
	const boxes: Box[] = [];
	let cx = x;
	let cy = y;
	for (const item of items) {
		const lines = wrap(item, width - 16, CHIP_SIZE);
		const w = Math.min(width, Math.max(...lines.map((l) => textWidth(l, CHIP_SIZE))) + 16);
		const h = Math.max(CHIP_H, textHeight(lines.length, CHIP_SIZE) + 10);
		if (cx > x && cx + w > x + width) {
			cx = x;
			cy = Math.max(...boxes.filter((b) => b.y === cy).map((b) => b.y + b.height)) + 6;
		}
		boxes.push({ x: cx, y: cy, width: w, height: h });
		cx += w + 6;
	}
	return boxes;
}

export function layersDiagram(rawRows: unknown, title: string): Diagram | null {
	const rows = parseRows(BLOCKS.architectureLayers, rawRows).filter(
		(r) => r.layer || r.name.trim() || r.elements.trim()
	);
	if (rows.length === 0) return null;
	const band = (r: (typeof rows)[number]): Band => ({
		title: r.name.trim() || layerLabel(r.layer ?? 'other') || '—',
		items: listItems(r.elements)
	});
	const stack = STACK.flatMap((layer) =>
		rows.filter((r) => (r.layer ?? 'other') === layer).map(band)
	);
	const pillars = PILLARS.flatMap((layer) => rows.filter((r) => r.layer === layer).map(band));
	const pillarsW = pillars.length ? pillars.length * (PILLAR_W + GAP) : 0;
	const stackW = WIDTH - 2 * PAD - pillarsW;
	const innerX = PAD + LABEL_W + GAP;
	const innerW = stackW - LABEL_W - GAP - 2 * GAP;

	const parts: string[] = [];
	const boxes: Box[] = [];
	let y = PAD;
	for (const b of stack) {
		const labelLines = wrap(b.title, LABEL_W - 12, LABEL_SIZE);
		const chips = flow(b.items, innerX + GAP, y + GAP, innerW);
		const chipsBottom = chips.length ? Math.max(...chips.map((c) => c.y + c.height)) + GAP : y;
		const h = Math.max(chipsBottom - y, textHeight(labelLines.length, LABEL_SIZE) + 2 * GAP, 44);
		parts.push(rect({ x: PAD, y, width: stackW, height: h }, COLORS.band, COLORS.bandEdge));
		const label = { x: PAD, y, width: LABEL_W, height: h };
		parts.push(rect(label, COLORS.label, COLORS.bandEdge));
		const th = textHeight(labelLines.length, LABEL_SIZE);
		parts.push(
			textBlock(labelLines, PAD + LABEL_W / 2, y + (h - th) / 2, {
				size: LABEL_SIZE,
				anchor: 'middle'
			})
		);
		boxes.push(label);
		for (const [i, c] of chips.entries()) {
			const lines = wrap(b.items[i], innerW - 16, CHIP_SIZE);
			parts.push(rect(c, COLORS.chip, COLORS.line));
			parts.push(
				textBlock(
					lines,
					c.x + c.width / 2,
					c.y + (c.height - textHeight(lines.length, CHIP_SIZE)) / 2,
					{
						size: CHIP_SIZE,
						anchor: 'middle'
					}
				)
			);
			boxes.push(c);
		}
		y += h + GAP;
	}
	const PILLAR_SIZE = 14;
	const pillarNeed = Math.max(
		0,
		...pillars.map((p) => textHeight([...p.title].length, PILLAR_SIZE, PILLAR_SIZE * 1.15) + 16)
	);
	const bottom = Math.max(stack.length ? y - GAP : PAD, PAD + pillarNeed);
	pillars.forEach((p, i) => {
		const box = {
			x: PAD + stackW + GAP + i * (PILLAR_W + GAP),
			y: PAD,
			width: PILLAR_W,
			height: bottom - PAD
		};
		parts.push(rect(box, COLORS.pillar, COLORS.pillarEdge));
		// Vertical text, one character a line: renders the same in browsers, Chromium's PDF and resvg.
		const chars = [...p.title];
		const size = PILLAR_SIZE;
		const th = textHeight(chars.length, size, size * 1.15);
		parts.push(
			textBlock(chars, box.x + PILLAR_W / 2, box.y + Math.max(4, (box.height - th) / 2), {
				size,
				anchor: 'middle',
				lineHeight: size * 1.15,
				family: SANS
			})
		);
		boxes.push(box);
	});
	const height = bottom + PAD;
	return svgDocument(WIDTH, height, title, parts.join(''), boxes);
}

/**
 * 8.1's 业务架构图: the three levels of the business tree. Each 一级业务 is a band with its name on
 * the left; its 二级业务 are boxes inside, side by side and wrapping; each box lists its 三级业务.
 * Deeper nodes (the tree allows only three levels; a moved node may sit deeper) join their
 * 三级 ancestor's line, so nothing written is left out.
 */
import { buildTree, type TreeNode } from '../collab/tree.ts';
import { BLOCKS, parseRows } from '../templates/blocks/index.ts';
import {
	COLORS,
	rect,
	svgDocument,
	textBlock,
	textHeight,
	wrap,
	type Box,
	type Diagram
} from './svg.ts';

const WIDTH = 760;
const PAD = 12;
const LABEL_W = 110;
const GAP = 8;
const BOX_W = 190;
const TITLE_SIZE = 13;
const ITEM_SIZE = 12;

interface Node {
	id: string;
	parent: string | null;
	name: string;
}

function names(tree: TreeNode<Node>): string[] {
	return [tree.node.name, ...tree.children.flatMap(names)];
}

export function businessDiagram(rawRows: unknown, title: string): Diagram | null {
	const nodes: Node[] = parseRows(BLOCKS.businessTree, rawRows)
		.filter((r) => r.id && r.name.trim())
		.map((r) => ({ id: r.id, parent: r.parent || null, name: r.name.trim() }));
	if (nodes.length === 0) return null;
	const roots = buildTree(nodes);
	const innerX = PAD + LABEL_W + GAP;
	const innerW = WIDTH - PAD - innerX - GAP;
	const perRow = Math.max(1, Math.floor((innerW + GAP) / (BOX_W + GAP)));
	const boxW = (innerW - (perRow - 1) * GAP) / perRow;
	const parts: string[] = [];
	const boxes: Box[] = [];
	let y = PAD;
	for (const root of roots) {
		const bandTop = y;
		const laid: { box: Box; titleLines: string[]; items: string[][] }[] = [];
		let rowTop = y + GAP;
		for (let i = 0; i < root.children.length; i += perRow) {
			const row = root.children.slice(i, i + perRow).map((child) => {
				const titleLines = wrap(child.node.name, boxW - 12, TITLE_SIZE);
				const items = child.children.map((g) =>
					wrap(`· ${names(g).join('、')}`, boxW - 12, ITEM_SIZE)
				);
				const h =
					textHeight(titleLines.length, TITLE_SIZE) +
					8 +
					items.reduce((a, l) => a + textHeight(l.length, ITEM_SIZE) + 2, 0) +
					8;
				return { titleLines, items, h };
			});
			const rowH = Math.max(...row.map((r) => r.h));
			row.forEach((r, j) =>
				laid.push({
					box: { x: innerX + GAP + j * (boxW + GAP) - GAP, y: rowTop, width: boxW, height: rowH },
					titleLines: r.titleLines,
					items: r.items
				})
			);
			rowTop += rowH + GAP;
		}
		const labelLines = wrap(root.node.name, LABEL_W - 12, 14);
		const h = Math.max(rowTop - bandTop, textHeight(labelLines.length, 14) + 2 * GAP, 44);
		parts.push(
			rect({ x: PAD, y: bandTop, width: WIDTH - 2 * PAD, height: h }, COLORS.band, COLORS.bandEdge)
		);
		const label = { x: PAD, y: bandTop, width: LABEL_W, height: h };
		parts.push(rect(label, COLORS.label, COLORS.bandEdge));
		parts.push(
			textBlock(
				labelLines,
				PAD + LABEL_W / 2,
				bandTop + (h - textHeight(labelLines.length, 14)) / 2,
				{
					size: 14,
					anchor: 'middle'
				}
			)
		);
		boxes.push(label);
		for (const l of laid) {
			parts.push(rect(l.box, COLORS.chip, COLORS.line));
			parts.push(
				textBlock(l.titleLines, l.box.x + l.box.width / 2, l.box.y + 6, {
					size: TITLE_SIZE,
					anchor: 'middle'
				})
			);
			let iy = l.box.y + 6 + textHeight(l.titleLines.length, TITLE_SIZE) + 4;
			parts.push(
				`<line x1="${l.box.x + 6}" y1="${iy}" x2="${l.box.x + l.box.width - 6}" y2="${iy}" stroke="${COLORS.line}" stroke-width="0.5"/>`
			);
			iy += 4;
			for (const lines of l.items) {
				parts.push(textBlock(lines, l.box.x + 6, iy, { size: ITEM_SIZE, fill: COLORS.muted }));
				iy += textHeight(lines.length, ITEM_SIZE) + 2;
			}
			boxes.push(l.box);
		}
		y = bandTop + h + GAP;
	}
	return svgDocument(WIDTH, y - GAP + PAD, title, parts.join(''), boxes);
}

/**
 * 8.3's 应用架构图: the application systems and their interfaces (8.3.3), laid out by dagre (a
 * maintained layered-graph layout). A system is a box with its name and 建设方式 (新建 / 改建 /
 * 复用), coloured by it; an interface is a line between the two systems, drawn once however many
 * of the two list it.
 */
import * as dagre from '@dagrejs/dagre';
import { BLOCKS, parseRows } from '../templates/blocks/index.ts';
import { SYSTEM_MODES } from '../templates/blocks/systems.ts';
import {
	COLORS,
	rect,
	round,
	svgDocument,
	textBlock,
	textHeight,
	textWidth,
	wrap,
	type Box,
	type Diagram
} from './svg.ts';

const NODE_W = 150;
const NAME_SIZE = 13;
const MODE_SIZE = 11;
const PAD = 16;
const LEGEND_H = 30;

const MODE_COLORS: Record<string, { fill: string; stroke: string }> = {
	new: { fill: '#dbeafe', stroke: '#2563eb' },
	rebuild: { fill: '#fef3c7', stroke: '#d97706' },
	reuse: { fill: '#f1f5f9', stroke: '#64748b' }
};
const NO_MODE = { fill: '#ffffff', stroke: '#64748b' };

export function systemsDiagram(rawRows: unknown, title: string): Diagram | null {
	const systems = parseRows(BLOCKS.systems, rawRows).filter((s) => s.id && s.name.trim());
	if (systems.length === 0) return null;
	const ids = new Set(systems.map((s) => s.id));
	const g = new dagre.graphlib.Graph();
	g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 70, marginx: PAD, marginy: PAD });
	g.setDefaultEdgeLabel(() => ({}));
	const labels = new Map<string, { lines: string[]; mode: string }>();
	for (const s of systems) {
		const lines = wrap(s.name.trim(), NODE_W - 16, NAME_SIZE);
		const mode = SYSTEM_MODES.find((m) => m.value === s.mode)?.label ?? '';
		labels.set(s.id, { lines, mode });
		const h = textHeight(lines.length, NAME_SIZE) + (mode ? textHeight(1, MODE_SIZE) + 4 : 0) + 16;
		g.setNode(s.id, { width: NODE_W, height: h });
	}
	const pairs = new Set<string>();
	for (const s of systems)
		for (const other of s.interfaces) {
			if (!ids.has(other) || other === s.id) continue;
			const key = [s.id, other].sort().join('|');
			if (pairs.has(key)) continue;
			pairs.add(key);
			g.setEdge(s.id, other);
		}
	dagre.layout(g);
	const graph = g.graph();
	const width = Math.max(graph.width ?? 0, 420);
	const parts: string[] = [];
	const boxes: Box[] = [];
	for (const e of g.edges()) {
		const points = g.edge(e).points ?? [];
		if (points.length < 2) continue;
		const d = points
			.map(
				(p: { x: number; y: number }, i: number) => `${i ? 'L' : 'M'}${round(p.x)} ${round(p.y)}`
			)
			.join(' ');
		parts.push(`<path d="${d}" fill="none" stroke="${COLORS.line}" stroke-width="1.4"/>`);
	}
	for (const s of systems) {
		const n = g.node(s.id);
		const box = { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height };
		const color = MODE_COLORS[s.mode ?? ''] ?? NO_MODE;
		const label = labels.get(s.id)!;
		parts.push(rect(box, color.fill, color.stroke, { radius: 6, strokeWidth: 1.4 }));
		parts.push(textBlock(label.lines, n.x, box.y + 8, { size: NAME_SIZE, anchor: 'middle' }));
		if (label.mode)
			parts.push(
				textBlock(
					[`〔${label.mode}〕`],
					n.x,
					box.y + 8 + textHeight(label.lines.length, NAME_SIZE) + 4,
					{
						size: MODE_SIZE,
						anchor: 'middle',
						fill: COLORS.muted
					}
				)
			);
		boxes.push(box);
	}
	// Legend: the three 建设方式 and what a line means.
	const ly = (graph.height ?? 0) + 4;
	let lx = PAD;
	for (const m of SYSTEM_MODES) {
		const c = MODE_COLORS[m.value];
		parts.push(rect({ x: lx, y: ly, width: 18, height: 12 }, c.fill, c.stroke, { radius: 2 }));
		parts.push(textBlock([m.label], lx + 24, ly - 1, { size: 11, fill: COLORS.muted }));
		lx += 24 + textWidth(m.label, 11) + 18;
	}
	parts.push(
		`<line x1="${lx}" y1="${ly + 6}" x2="${lx + 24}" y2="${ly + 6}" stroke="${COLORS.line}" stroke-width="1.4"/>`
	);
	parts.push(textBlock(['接口'], lx + 30, ly - 1, { size: 11, fill: COLORS.muted }));
	return svgDocument(width, ly + LEGEND_H - 8, title, parts.join(''), boxes);
}

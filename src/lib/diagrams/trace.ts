/**
 * The 需求 → 目标 → 工程 → 阶段 traceability diagram: four columns (6.5's needs, 7.3's goals, 9.1's
 * key projects, 9.3's phases) joined where a row points at another (a goal's 对应需求, a project's
 * 对应目标, a phase's 包含工程). A row left out of the chain is an orphan and is marked: a need no
 * goal answers, a goal without a need or without a project, a project without a goal or outside
 * every phase, a phase without a project — the gaps a reviewer looks for first.
 */
import { BLOCKS, parseRows } from '../templates/blocks/index.ts';
import {
	COLORS,
	rect,
	round,
	svgDocument,
	textBlock,
	textHeight,
	wrap,
	type Box,
	type Diagram
} from './svg.ts';

export interface TraceInput {
	needs: unknown;
	goals: unknown;
	projects: unknown;
	phases: unknown;
}

export interface TraceNode {
	id: string;
	column: number;
	label: string;
	orphan: boolean;
}

export interface TraceGraph {
	nodes: TraceNode[];
	edges: { from: string; to: string }[];
}

const COLUMNS = ['需求', '目标', '工程', '阶段'] as const;
const COL_W = 170;
const COL_GAP = 60;
const PAD = 12;
const HEAD_H = 28;
const SIZE = 12;
const NODE_GAP = 8;

function firstLine(text: string): string {
	return text.trim().split('\n')[0] ?? '';
}

/** The chain as a graph: nodes per column (in their tables' order) and the links between them. */
export function traceGraph(input: TraceInput): TraceGraph {
	const needs = parseRows(BLOCKS.needs, input.needs).filter((r) => r.id && r.statement.trim());
	const goals = parseRows(BLOCKS.goals, input.goals).filter((r) => r.id && r.statement.trim());
	const projects = parseRows(BLOCKS.keyProjects, input.projects).filter(
		(r) => r.id && r.name.trim()
	);
	const phases = parseRows(BLOCKS.phases, input.phases).filter((r) => r.id && r.name.trim());
	const known = new Set([...needs, ...goals, ...projects, ...phases].map((r) => r.id));
	const edges: TraceGraph['edges'] = [];
	const link = (from: string, to: string) => {
		if (known.has(from) && known.has(to) && !edges.some((e) => e.from === from && e.to === to))
			edges.push({ from, to });
	};
	for (const g of goals) for (const n of g.needs) link(n, g.id);
	for (const p of projects) for (const g of p.goals) link(g, p.id);
	for (const ph of phases) for (const p of ph.projects) link(p, ph.id);
	const hasIn = (id: string) => edges.some((e) => e.to === id);
	const hasOut = (id: string) => edges.some((e) => e.from === id);
	const nodes: TraceNode[] = [
		...needs.map((r) => ({
			id: r.id,
			column: 0,
			label: firstLine(r.statement),
			orphan: !hasOut(r.id)
		})),
		...goals.map((r) => ({
			id: r.id,
			column: 1,
			label: firstLine(r.statement),
			orphan: !hasIn(r.id) || !hasOut(r.id)
		})),
		...projects.map((r) => ({
			id: r.id,
			column: 2,
			label: firstLine(r.name),
			orphan: !hasIn(r.id) || !hasOut(r.id)
		})),
		...phases.map((r) => ({ id: r.id, column: 3, label: firstLine(r.name), orphan: !hasIn(r.id) }))
	];
	return { nodes, edges };
}

/**
 * Goals and projects are ordered by the mean position of what they come from (one barycentre
 * pass), which untangles most crossings; needs keep their table order, phases their time order.
 */
function ordered(graph: TraceGraph): TraceNode[][] {
	const columns: TraceNode[][] = [0, 1, 2, 3].map((c) => graph.nodes.filter((n) => n.column === c));
	for (const c of [1, 2]) {
		const position = new Map(columns[c - 1].map((n, i) => [n.id, i]));
		const centre = (n: TraceNode, i: number) => {
			const from = graph.edges
				.filter((e) => e.to === n.id)
				.map((e) => position.get(e.from))
				.filter((p): p is number => p !== undefined);
			return from.length ? from.reduce((a, b) => a + b, 0) / from.length : i;
		};
		columns[c] = columns[c]
			.map((n, i) => ({ n, key: centre(n, i), i }))
			.sort((a, b) => a.key - b.key || a.i - b.i)
			.map((x) => x.n);
	}
	return columns;
}

export function traceDiagram(input: TraceInput, title: string): Diagram | null {
	const graph = traceGraph(input);
	if (graph.nodes.length === 0) return null;
	const columns = ordered(graph);
	const parts: string[] = [];
	const boxes: Box[] = [];
	const at = new Map<string, Box>();
	let bottom = 0;
	columns.forEach((column, c) => {
		const x = PAD + c * (COL_W + COL_GAP);
		parts.push(textBlock([COLUMNS[c]], x + COL_W / 2, PAD, { size: 14, anchor: 'middle' }));
		let y = PAD + HEAD_H;
		for (const n of column) {
			const lines = wrap(n.label, COL_W - 14, SIZE);
			const box = { x, y, width: COL_W, height: textHeight(lines.length, SIZE) + 12 };
			parts.push(
				rect(
					box,
					n.orphan ? COLORS.orphanFill : COLORS.chip,
					n.orphan ? COLORS.orphan : COLORS.line,
					{
						dashed: n.orphan,
						strokeWidth: n.orphan ? 1.5 : 1
					}
				)
			);
			parts.push(textBlock(lines, x + 7, y + 6, { size: SIZE }));
			boxes.push(box);
			at.set(n.id, box);
			y += box.height + NODE_GAP;
		}
		bottom = Math.max(bottom, y);
	});
	const curves = graph.edges.map((e) => {
		const a = at.get(e.from)!;
		const b = at.get(e.to)!;
		const [x1, y1, x2, y2] = [a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2];
		const mx = (x1 + x2) / 2;
		return `<path d="M${round(x1)} ${round(y1)} C${round(mx)} ${round(y1)} ${round(mx)} ${round(y2)} ${round(x2)} ${round(y2)}" fill="none" stroke="${COLORS.line}" stroke-width="1"/>`;
	});
	// Legend for the orphan mark.
	const ly = bottom + 4;
	parts.push(
		rect({ x: PAD, y: ly, width: 18, height: 12 }, COLORS.orphanFill, COLORS.orphan, {
			dashed: true
		})
	);
	parts.push(
		textBlock(['未关联（链条中断）'], PAD + 24, ly - 1, { size: 11, fill: COLORS.orphan })
	);
	const width = PAD * 2 + 4 * COL_W + 3 * COL_GAP;
	return svgDocument(width, ly + 22, title, curves.join('') + parts.join(''), boxes);
}

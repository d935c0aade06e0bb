import { describe, expect, it } from 'vitest';
import { demoSectionContents } from '../export/fixtures.ts';
import { businessDiagram } from './business.ts';
import { DIAGRAMS } from './index.ts';
import { layersDiagram } from './layers.ts';
import { overlaps, type Diagram } from './svg.ts';
import { systemsDiagram } from './systems.ts';
import { traceDiagram, traceGraph } from './trace.ts';

const contents = new Map(demoSectionContents().map((c) => [c.clause, c]));
const demoRows = (clause: string, block: string) =>
	(contents.get(clause)?.blocks as Record<string, unknown[]> | undefined)?.[block] ?? [];

function expectNoOverlap(d: Diagram) {
	for (let i = 0; i < d.boxes.length; i++)
		for (let j = i + 1; j < d.boxes.length; j++)
			expect(overlaps(d.boxes[i], d.boxes[j]), `boxes ${i} and ${j}`).toBe(false);
	for (const b of d.boxes) {
		expect(b.x).toBeGreaterThanOrEqual(0);
		expect(b.y).toBeGreaterThanOrEqual(0);
		expect(b.x + b.width).toBeLessThanOrEqual(d.width);
		expect(b.y + b.height).toBeLessThanOrEqual(d.height);
	}
}

/** Every text the SVG draws, in order. */
function texts(svg: string): string {
	return [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join('');
}

describe('the diagrams of the demo plan', () => {
	it.each(DIAGRAMS.map((d) => [d.id, d] as const))(
		'%s is drawn, well-formed, inside its frame and without overlapping boxes',
		(_id, spec) => {
			const d = spec.build(demoRows);
			expect(d).not.toBeNull();
			expect(d!.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
			expect(d!.svg).toContain(`<title>${spec.caption}</title>`);
			expect(d!.boxes.length).toBeGreaterThan(2);
			expectNoOverlap(d!);
		}
	);

	it('draws nothing for empty blocks', () => {
		for (const spec of DIAGRAMS) expect(spec.build(() => [])).toBeNull();
	});
});

describe('layers', () => {
	it('stacks the layers top to bottom and sets the cross-cutting ones beside them', () => {
		const d = layersDiagram(
			[
				{ id: 'a', layer: 'sensing', name: '', elements: '视频感知；物联网关', approach: '' },
				{ id: 'b', layer: 'application', name: '城市应用', elements: '一网通办', approach: '' },
				{ id: 'c', layer: 'security', name: '', elements: '', approach: '' }
			],
			'总体架构图'
		)!;
		const t = texts(d.svg);
		expect(t.indexOf('城市应用')).toBeLessThan(t.indexOf('物联感知层'));
		expect(t).toContain('视频感知');
		expect(t).toContain('物联网关');
		// The pillar's name is written one character a line.
		expect(t).toContain('安全保障');
		expectNoOverlap(d);
	});

	it('escapes what people wrote and never cuts it', () => {
		const long = '面向<市民>&企业的一体化智慧应用服务门户以及配套的移动端与自助终端系统建设工程';
		const d = layersDiagram(
			[{ id: 'a', layer: 'application', name: '<script>x</script>', elements: long, approach: '' }],
			'图'
		)!;
		expect(d.svg).not.toContain('<script>');
		expect(d.svg).toContain('&lt;script&gt;');
		expect(texts(d.svg)).toContain(
			long.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
		);
		expect(d.svg).not.toContain('…');
	});
});

describe('business', () => {
	it('draws three levels: bands, boxes, and the third level inside its box', () => {
		const d = businessDiagram(
			[
				{ id: '1', parent: null, name: '政务服务' },
				{ id: '2', parent: '1', name: '行政审批' },
				{ id: '3', parent: '2', name: '企业开办' },
				{ id: '4', parent: '1', name: '公共服务' }
			],
			'业务架构图'
		)!;
		const t = texts(d.svg);
		expect(t.indexOf('政务服务')).toBeLessThan(t.indexOf('行政审批'));
		expect(t.indexOf('行政审批')).toBeLessThan(t.indexOf('企业开办'));
		expect(t).toContain('公共服务');
		expect(d.boxes).toHaveLength(3); // the band label and two 二级 boxes
		expectNoOverlap(d);
	});
});

describe('systems', () => {
	it('lays the systems out with dagre and draws each interface once', () => {
		const d = systemsDiagram(
			[
				{ id: 'a', name: '城市大脑', mode: 'new', interfaces: ['b', 'c'] },
				{ id: 'b', name: '数据共享交换平台', mode: 'rebuild', interfaces: ['a'] },
				{ id: 'c', name: '统一身份认证', mode: 'reuse', interfaces: ['a', 'missing'] }
			],
			'应用架构图'
		)!;
		expect(d.svg.match(/<path /g)).toHaveLength(2);
		expect(texts(d.svg)).toContain('〔复用/共用〕');
		expectNoOverlap(d);
	});
});

describe('trace', () => {
	const input = {
		needs: [
			{ id: 'n1', statement: '办事难' },
			{ id: 'n2', statement: '无人回应的需求' }
		],
		goals: [
			{ id: 'g1', statement: '一网通办', needs: ['n1'] },
			{ id: 'g2', statement: '没有工程的目标', needs: ['n1'] }
		],
		projects: [
			{ id: 'p1', name: '政务服务工程', goals: ['g1'] },
			{ id: 'p2', name: '不在阶段里的工程', goals: ['g1'] }
		],
		phases: [
			{ id: 's1', name: '起步阶段', projects: ['p1'] },
			{ id: 's2', name: '空阶段', projects: [] }
		]
	};

	it('links each column to the next and marks the rows the chain leaves out', () => {
		const graph = traceGraph(input);
		const orphans = graph.nodes.filter((n) => n.orphan).map((n) => n.label);
		expect(orphans.sort()).toEqual(
			['不在阶段里的工程', '无人回应的需求', '没有工程的目标', '空阶段'].sort()
		);
		expect(graph.edges).toContainEqual({ from: 'n1', to: 'g1' });
		expect(graph.edges).toContainEqual({ from: 'g1', to: 'p1' });
		expect(graph.edges).toContainEqual({ from: 'p1', to: 's1' });
		const d = traceDiagram(input, '追溯图')!;
		expect(d.svg.match(/stroke-dasharray/g)).toHaveLength(4 + 1); // four orphans and the legend
		expectNoOverlap(d);
	});
});

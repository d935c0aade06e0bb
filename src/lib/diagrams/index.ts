/**
 * The generated figures of the plan, per section: which section shows which diagram, drawn from
 * which blocks. The same builders serve the section page (live from the Yjs blocks) and every
 * export (from the exported — possibly frozen — version's own rows).
 */
import type { BlockKey } from '../templates/blocks/index.ts';
import { businessDiagram } from './business.ts';
import { layersDiagram } from './layers.ts';
import type { Diagram } from './svg.ts';
import { systemsDiagram } from './systems.ts';
import { traceDiagram } from './trace.ts';

/** A block's stored rows, wherever they come from (live document, plan data, a frozen version). */
export type RowsOf = (clause: string, block: BlockKey) => unknown;

export interface DiagramSpec {
	id: string;
	/** The section whose page shows it. */
	clause: string;
	/** The block whose table it stands before in the exports. */
	block: BlockKey;
	/** The figure's caption, without its number. */
	caption: string;
	build(rows: RowsOf): Diagram | null;
}

/** A diagram drawn from the rows of the block it stands before, titled with its caption. */
function ofBlock(
	id: string,
	clause: string,
	block: BlockKey,
	caption: string,
	draw: (rows: unknown, title: string) => Diagram | null
): DiagramSpec {
	return { id, clause, block, caption, build: (rows) => draw(rows(clause, block), caption) };
}

export const DIAGRAMS: readonly DiagramSpec[] = [
	ofBlock('overall', '7.4', 'architectureLayers', '总体架构图', layersDiagram),
	ofBlock('business', '8.1', 'businessTree', '业务架构图', businessDiagram),
	ofBlock('application', '8.3', 'systems', '应用架构图', systemsDiagram),
	ofBlock('infrastructure', '8.4', 'architectureLayers', '基础设施架构图', layersDiagram),
	{
		id: 'trace',
		clause: '9.3',
		block: 'phases',
		caption: '需求—目标—工程—阶段追溯图',
		build: (rows) =>
			traceDiagram(
				{
					needs: rows('6.5', 'needs'),
					goals: rows('7.3', 'goals'),
					projects: rows('9.1', 'keyProjects'),
					phases: rows('9.3', 'phases')
				},
				'需求—目标—工程—阶段追溯图'
			)
	}
];

export function sectionDiagrams(clause: string): DiagramSpec[] {
	return DIAGRAMS.filter((d) => d.clause === clause);
}

export type { Diagram } from './svg.ts';

/**
 * Where a figure's number comes from, for every place that shows one: the editor's captions, the
 * section page's diagrams, the version and consultation pages, and the exports (src/lib/export/
 * figures.ts). Images and generated diagrams share one sequence per chapter, in the order the
 * exports print a section: the images of its prose (body, then the items in the standard's order),
 * then the diagrams drawn from its blocks (in the template's block order). (Isomorphic.)
 */
import type * as Y from 'yjs';
import { safeBlockJSON } from '../collab/section-doc.ts';
import { DIAGRAMS, type Diagram, type DiagramSpec, type RowsOf } from '../diagrams/index.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../editor/fragments.ts';
import { proseItemsOf, getTemplate } from '../templates/registry.ts';
import { figuresOfFragment, type FigureData } from './figures.ts';
import { figureLabel } from './numbering.ts';

/**
 * The number a chapter's figures carry, as the chapter is printed: with the standard's numbering
 * its clause (8 → 图 8-1), otherwise its position among the chapters the document shows (第三章 →
 * 图 3-1; a version of one activity is a document of one chapter, 图 1-1). Appendices use letters.
 */
export function figureChapter(position: number, clause: string | undefined, standard: boolean) {
	return standard && clause ? clause : String(position + 1);
}

/** A section's prose fragments in reading order: the body, then its items in the standard's order. */
export function proseFragmentOrder(clause: string): string[] {
	return [BODY_FRAGMENT, ...proseItemsOf(clause).map((item) => itemFragmentName(item.id))];
}

/** The diagrams a section shows, in the order of the blocks they stand before. */
export function orderedSectionDiagrams(clause: string): DiagramSpec[] {
	const blocks: readonly string[] = getTemplate(clause)?.structured ?? [];
	return DIAGRAMS.filter((d) => d.clause === clause && blocks.includes(d.block)).sort(
		(a, b) => blocks.indexOf(a.block) - blocks.indexOf(b.block)
	);
}

export type SectionFigure =
	{ kind: 'image'; figure: FigureData } | { kind: 'diagram'; spec: DiagramSpec; diagram: Diagram };

/**
 * The figures of one section document, in print order. `rows` supplies other sections' blocks (the
 * trace diagram of 9.3 draws 6.5, 7.3 and 9.1); the section's own rows are read from `doc`. A
 * diagram with nothing to draw is no figure (the exports leave it out too).
 */
export function sectionFigures(clause: string, doc: Y.Doc, rows: RowsOf): SectionFigure[] {
	const out: SectionFigure[] = [];
	for (const name of proseFragmentOrder(clause))
		for (const figure of figuresOfFragment(doc.getXmlFragment(name)))
			out.push({ kind: 'image', figure });
	const own: RowsOf = (c, block) =>
		c === clause ? safeBlockJSON(doc, block).rows : rows(c, block);
	for (const spec of orderedSectionDiagrams(clause)) {
		const diagram = spec.build(own);
		if (diagram) out.push({ kind: 'diagram', spec, diagram });
	}
	return out;
}

/** Labels for figures that follow `before` figures of their chapter (图 3-2, 图 3-3, …). */
export function labelsAfter(chapter: string, before: number, count: number): string[] {
	return Array.from({ length: count }, (_, i) => figureLabel(chapter, before + i + 1));
}

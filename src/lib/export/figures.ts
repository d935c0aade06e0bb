/**
 * Figures in the export model — images and generated diagrams in one sequence — numbered per
 * chapter in document order (图 6-1, 图 6-2, …; the chapter's number from `figureChapter`, which
 * the editor and the version pages use too — src/lib/images/sequence.ts), and every
 * cross-reference given the number of its figure. Appendices number as 图 A-1 … by letter.
 */
import { figureLabel, MISSING_FIGURE } from '../images/numbering.ts';
import { figureChapter } from '../images/sequence.ts';
import type { Block, ExportDocument, ExportSection, ImageBlock, Inline } from './types.ts';

function eachBlock(blocks: readonly Block[], visit: (block: Block) => void): void {
	for (const block of blocks) {
		visit(block);
		if (block.type === 'list') for (const item of block.items) eachBlock(item, visit);
		else if (block.type === 'quote') eachBlock(block.children, visit);
		else if (block.type === 'table')
			for (const row of [...block.rows, ...(block.footer ? [block.footer] : [])])
				for (const cell of row) eachBlock(cell.blocks, visit);
	}
}

function eachSection(sections: readonly ExportSection[], visit: (s: ExportSection) => void) {
	for (const s of sections) {
		visit(s);
		eachSection(s.children, visit);
	}
}

function inlinesOf(block: Block): Inline[] {
	return block.type === 'paragraph' || block.type === 'subheading' ? block.inlines : [];
}

export function numberFigures(doc: ExportDocument, standard: boolean): void {
	const labels = new Map<string, string>();
	const chapters: [ExportSection, string][] = [
		...doc.body.map((c, i): [ExportSection, string] => [c, figureChapter(i, c.clause, standard)]),
		...doc.appendices.map((a, i): [ExportSection, string] => [a, String.fromCharCode(65 + i)])
	];
	for (const [chapter, number] of chapters) {
		let n = 0;
		eachSection([chapter], (s) =>
			eachBlock(s.blocks, (block) => {
				if (block.type === 'diagram') block.label = figureLabel(number, ++n);
				if (block.type !== 'image') return;
				const image: ImageBlock = block;
				image.label = figureLabel(number, ++n);
				if (image.id && !labels.has(image.id)) labels.set(image.id, image.label);
			})
		);
	}
	eachSection([...doc.body, ...doc.appendices], (s) =>
		eachBlock(s.blocks, (block) => {
			for (const inline of inlinesOf(block))
				if ('figureRef' in inline && inline.figureRef)
					inline.text = labels.get(inline.figureRef) ?? MISSING_FIGURE;
		})
	);
}

/** Every figure of the document in order (for read-back tests and the Markdown zip). */
export function figuresOfDocument(doc: ExportDocument): ImageBlock[] {
	const out: ImageBlock[] = [];
	eachSection([...doc.body, ...doc.appendices], (s) =>
		eachBlock(s.blocks, (block) => {
			if (block.type === 'image') out.push(block);
		})
	);
	return out;
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { safeBlockJSON } from '../collab/section-doc.ts';
import { buildSectionDoc, DEMO_SECTIONS } from '../demo-content/index.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../editor/fragments.ts';
import { buildExportModel, readSectionContent } from '../export/model.ts';
import { demoModelInput } from '../export/fixtures.ts';
import type { Block, ExportDocument } from '../export/types.ts';
import { walkSections } from '../export/model.ts';
import { ACTIVITIES, ACTIVITY_CHAPTER, findSection, SECTIONS } from '../standard/sections.ts';
import { proseItemsOf, TEMPLATES } from '../templates/registry.ts';
import { figureChapter, labelsAfter, sectionFigures } from './sequence.ts';

const HASH = 'a'.repeat(64);

function addFigure(doc: Y.Doc, fragment: string, id: string) {
	const figure = new Y.XmlElement('figure');
	figure.setAttribute('id', id);
	figure.setAttribute('src', HASH);
	figure.setAttribute('caption', id);
	figure.setAttribute('alt', '');
	figure.setAttribute('width', '80');
	const target = doc.getXmlFragment(fragment);
	target.insert(target.length, [figure]);
}

/** The demo plan's documents, with images before and after the chapters' diagrams. */
function demoDocs(): Map<string, Y.Doc> {
	const docs = new Map<string, Y.Doc>();
	for (const template of TEMPLATES) {
		const demo = DEMO_SECTIONS.find((s) => s.clause === template.clause);
		docs.set(template.clause, buildSectionDoc(demo ?? { clause: template.clause, author: '' }));
	}
	const docOf = (clause: string) => docs.get(clause)!;
	// 8.1 draws the 业务架构图 after its prose: an image in its body numbers first.
	addFigure(docOf('8.1'), BODY_FRAGMENT, 'img-8.1-body');
	// 8.2 follows 8.1's diagram; 8.3 has an image and then its own diagram.
	addFigure(docOf('8.2'), BODY_FRAGMENT, 'img-8.2-body');
	addFigure(docOf('8.3'), BODY_FRAGMENT, 'img-8.3-body');
	// An item's figure follows the body's, whatever order they were added in.
	const item = proseItemsOf('6.5')[0];
	addFigure(docOf('6.5'), itemFragmentName(item.id), 'img-6.5-item');
	addFigure(docOf('6.5'), BODY_FRAGMENT, 'img-6.5-body');
	return docs;
}

/** What the section pages show: each section numbered from its chapter's earlier sections. */
function pageLabels(docs: Map<string, Y.Doc>, standard: boolean): string[] {
	const rows = (clause: string, block: Parameters<typeof safeBlockJSON>[1]) =>
		findSection(clause) ? safeBlockJSON(docs.get(clause)!, block).rows : [];
	const out: string[] = [];
	for (const activity of ACTIVITIES) {
		const chapter = figureChapter(
			ACTIVITIES.indexOf(activity),
			ACTIVITY_CHAPTER[activity],
			standard
		);
		let before = 0;
		for (const section of SECTIONS.filter((s) => s.activity === activity)) {
			const figures = sectionFigures(section.clause, docs.get(section.clause)!, rows);
			const labels = labelsAfter(chapter, before, figures.length);
			figures.forEach((f, i) =>
				out.push(`${labels[i]} ${f.kind === 'image' ? f.figure.caption : f.spec.caption}`)
			);
			before += figures.length;
		}
	}
	return out;
}

function exportLabels(doc: ExportDocument): string[] {
	const out: string[] = [];
	const visit = (blocks: readonly Block[]) => {
		for (const block of blocks) {
			if (block.type === 'image' || block.type === 'diagram')
				out.push(`${block.label} ${block.caption}`);
			else if (block.type === 'list') block.items.forEach(visit);
			else if (block.type === 'quote') visit(block.children);
		}
	};
	for (const section of walkSections({ ...doc, appendices: [] })) visit(section.blocks);
	return out;
}

describe('figure numbers', () => {
	const docs = demoDocs();
	const contents = TEMPLATES.map((t) => readSectionContent(docs.get(t.clause)!, t));

	it('are the same on the section pages as in the full export, images and diagrams in one sequence', () => {
		const exported = exportLabels(
			buildExportModel(demoModelInput(contents), { edition: 'full', numbering: 'plan' })
		);
		expect(pageLabels(docs, false)).toEqual(exported);
		// Chapter 8 is the plan's 第三章: its image, then the 业务架构图, then 8.2's image.
		expect(exported).toEqual(
			expect.arrayContaining([
				'图 3-1 img-8.1-body',
				'图 3-2 业务架构图',
				'图 3-3 img-8.2-body',
				'图 3-4 img-8.3-body',
				'图 3-5 应用架构图'
			])
		);
		expect(exported.filter((l) => l.startsWith('图 1-'))).toEqual([
			'图 1-1 img-6.5-body',
			'图 1-2 img-6.5-item'
		]);
	});

	it('follow the standard numbering when the export uses it', () => {
		const exported = exportLabels(
			buildExportModel(demoModelInput(contents), { edition: 'full', numbering: 'standard' })
		);
		expect(pageLabels(docs, true)).toEqual(exported);
		expect(exported).toContain('图 8-2 业务架构图');
	});
});

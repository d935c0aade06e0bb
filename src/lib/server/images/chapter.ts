/**
 * Figure numbers run through a chapter (图 3-1 …), across its sections, but each section is its own
 * document: the section page is told the chapter's number as the plan's export prints it and how
 * many figures (images and drawn diagrams) the chapter's earlier sections hold; it numbers its own
 * figures live with the same sequence (src/lib/images/sequence.ts).
 */
import type * as Y from 'yjs';
import { safeBlockJSON } from '../../collab/section-doc.ts';
import type { RowsOf } from '../../diagrams/index.ts';
import { figureChapter, sectionFigures } from '../../images/sequence.ts';
import {
	ACTIVITIES,
	ACTIVITY_CHAPTER,
	findSection,
	SECTIONS,
	sectionDocumentName
} from '../../standard/sections.ts';
import { getCollab } from '../collab.ts';

export interface ChapterFigures {
	/** The chapter's number in figure labels (plan numbering: 8 → 3). */
	chapter: string;
	/** Figures in the sections of the chapter that come before this one. */
	chapterBefore: number;
}

/**
 * What the section page numbers its figures from. The draft's export shows all four chapters in
 * the plan's numbering (the export page's default), so that is the number the editor shows.
 */
export function chapterFigures(planId: number, clause: string): ChapterFigures {
	const section = findSection(clause);
	if (!section) return { chapter: '', chapterBefore: 0 };
	const chapter = figureChapter(
		ACTIVITIES.indexOf(section.activity),
		ACTIVITY_CHAPTER[section.activity],
		false
	);
	const docs = new Map<string, Y.Doc>();
	const docOf = (c: string) => {
		let doc = docs.get(c);
		if (!doc) {
			doc = getCollab().readDocument(sectionDocumentName(planId, c));
			docs.set(c, doc);
		}
		return doc;
	};
	const rows: RowsOf = (c, block) => (findSection(c) ? safeBlockJSON(docOf(c), block).rows : []);
	let chapterBefore = 0;
	try {
		for (const other of SECTIONS) {
			if (other.clause === clause) break;
			if (other.activity !== section.activity) continue;
			chapterBefore += sectionFigures(other.clause, docOf(other.clause), rows).length;
		}
	} finally {
		for (const doc of docs.values()) doc.destroy();
	}
	return { chapter, chapterBefore };
}

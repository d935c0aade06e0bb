/**
 * The figures of a frozen version, per section — its images and the diagrams drawn from its blocks,
 * numbered as the version's own export numbers them (one chapter: 图 1-1 …; the sequence and the
 * chapter number are src/lib/images/sequence.ts's, shared with the editor and every export). Read
 * from the version's own Yjs state, so they are the figures that were frozen, not today's: the
 * diagrams are redrawn from the frozen rows, and rows of sections outside the version count as
 * empty, as in the version's export.
 */
import * as Y from 'yjs';
import { safeBlockJSON } from '../../collab/section-doc.ts';
import type { RowsOf } from '../../diagrams/index.ts';
import { figureChapter, labelsAfter, sectionFigures } from '../../images/sequence.ts';
import { SECTIONS } from '../../standard/sections.ts';
import type { VersionPayload } from '../../workflow/version.ts';
import { loadVerifiedVersion } from '../workflow/integrity.ts';

export type FrozenFigure =
	| { kind: 'image'; label: string; src: string; alt: string; caption: string; width: number }
	| {
			kind: 'diagram';
			id: string;
			label: string;
			caption: string;
			svg: string;
			width: number;
			height: number;
	  };

function decode(payload: VersionPayload): Map<string, Y.Doc> {
	const docs = new Map<string, Y.Doc>();
	for (const section of payload.sections) {
		const doc = new Y.Doc();
		try {
			Y.applyUpdate(doc, Buffer.from(section.yjs, 'base64'));
			docs.set(section.clause, doc);
		} catch {
			// A payload that passed its hash check decodes; if not, the section shows no figures.
			doc.destroy();
		}
	}
	return docs;
}

export function payloadFigures(payload: VersionPayload): Record<string, FrozenFigure[]> {
	// A version is one activity's chapter: its export is a document of one chapter.
	const chapter = figureChapter(0, undefined, false);
	const docs = decode(payload);
	const rows: RowsOf = (clause, block) => {
		const doc = docs.get(clause);
		return doc ? safeBlockJSON(doc, block).rows : [];
	};
	const out: Record<string, FrozenFigure[]> = {};
	let before = 0;
	try {
		// In the standard's order, as the export prints the chapter.
		for (const { clause } of SECTIONS) {
			const doc = docs.get(clause);
			if (!doc) continue;
			const figures = sectionFigures(clause, doc, rows);
			const labels = labelsAfter(chapter, before, figures.length);
			before += figures.length;
			if (figures.length === 0) continue;
			out[clause] = figures.map((f, i): FrozenFigure => {
				const label = labels[i];
				if (f.kind === 'image') {
					const { src, alt, caption, width } = f.figure;
					return { kind: 'image', label, src, alt, caption, width };
				}
				const { svg, width, height } = f.diagram;
				return {
					kind: 'diagram',
					id: f.spec.id,
					label,
					caption: f.spec.caption,
					svg,
					width,
					height
				};
			});
		}
	} finally {
		for (const doc of docs.values()) doc.destroy();
	}
	return out;
}

/** Figures of a stored version by id; none when it fails its integrity check. */
export function versionFigures(versionId: number): Record<string, FrozenFigure[]> {
	const verified = loadVerifiedVersion(versionId);
	return verified?.ok ? payloadFigures(verified.payload) : {};
}

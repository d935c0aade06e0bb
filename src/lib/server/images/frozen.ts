/**
 * The figures of a frozen version, per section, numbered as the chapter numbers them (图 6-1 …):
 * what a consultation round shows its participants beside the frozen text. Read from the
 * version's own Yjs state, so they are the figures that were frozen, not today's.
 */
import * as Y from 'yjs';
import { figuresOfFragment } from '../../images/figures.ts';
import { chapterOfClause, figureLabel } from '../../images/numbering.ts';
import type { VersionPayload } from '../../workflow/version.ts';
import { loadVerifiedVersion } from '../workflow/integrity.ts';
import { proseFragmentOrder } from './chapter.ts';

export interface FrozenFigure {
	label: string;
	src: string;
	alt: string;
	caption: string;
	width: number;
}

export function payloadFigures(payload: VersionPayload): Record<string, FrozenFigure[]> {
	const out: Record<string, FrozenFigure[]> = {};
	const counters = new Map<string, number>();
	for (const section of payload.sections) {
		const chapter = chapterOfClause(section.clause);
		const doc = new Y.Doc();
		try {
			Y.applyUpdate(doc, Buffer.from(section.yjs, 'base64'));
			const figures: FrozenFigure[] = [];
			for (const name of proseFragmentOrder(section.clause))
				for (const figure of figuresOfFragment(doc.getXmlFragment(name))) {
					const n = (counters.get(chapter) ?? 0) + 1;
					counters.set(chapter, n);
					figures.push({
						label: figureLabel(chapter, n),
						src: figure.src,
						alt: figure.alt,
						caption: figure.caption,
						width: figure.width
					});
				}
			if (figures.length > 0) out[section.clause] = figures;
		} finally {
			doc.destroy();
		}
	}
	return out;
}

/** Figures of a stored version by id; none when it fails its integrity check. */
export function versionFigures(versionId: number): Record<string, FrozenFigure[]> {
	const verified = loadVerifiedVersion(versionId);
	return verified?.ok ? payloadFigures(verified.payload) : {};
}

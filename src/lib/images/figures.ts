/**
 * The figures of a section as Yjs stores them (y-prosemirror: one `figure` Y.XmlElement per node,
 * its attributes as element attributes), for the server's exports, versions and access checks.
 * Order is the reading order: the body, then each required item's prose in template order.
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../editor/fragments.ts';
import { figureWidth, isImageHash } from './limits.ts';

export interface FigureData {
	/** Stable id of the figure (what cross-references point at). */
	id: string;
	/** SHA-256 of the image bytes. */
	src: string;
	alt: string;
	caption: string;
	/** Percent of the text width. */
	width: number;
}

/** Reads one `figure` element; null when its image reference is not a hash. */
export function figureOf(element: Y.XmlElement): FigureData | null {
	const src = element.getAttribute('src') as unknown;
	if (!isImageHash(src)) return null;
	const text = (key: string) => {
		const value = element.getAttribute(key) as unknown;
		return typeof value === 'string' ? value : '';
	};
	return {
		id: text('id'),
		src,
		alt: text('alt'),
		caption: text('caption'),
		width: figureWidth(element.getAttribute('width') as unknown)
	};
}

export function figuresOfFragment(fragment: Y.XmlFragment | Y.XmlElement): FigureData[] {
	const out: FigureData[] = [];
	for (const child of fragment.toArray()) {
		if (!(child instanceof Y.XmlElement)) continue;
		if (child.nodeName === 'figure') {
			const figure = figureOf(child);
			if (figure) out.push(figure);
		} else out.push(...figuresOfFragment(child));
	}
	return out;
}

/** Every prose fragment name of a section document: `body` and the `item:` fragments present. */
export function proseFragmentNames(doc: Y.Doc): string[] {
	const items = [...doc.share.keys()].filter((name) => name.startsWith('item:')).sort();
	return [BODY_FRAGMENT, ...items];
}

/** The image hashes a section document refers to (any prose fragment). */
export function imageHashesOfDoc(doc: Y.Doc): Set<string> {
	const out = new Set<string>();
	for (const name of proseFragmentNames(doc))
		for (const figure of figuresOfFragment(doc.getXmlFragment(name))) out.add(figure.src);
	return out;
}

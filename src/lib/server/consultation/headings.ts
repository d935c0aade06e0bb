/**
 * Which lines of a frozen section's plain text are headings. The canonical rendering (the anchor
 * text) is plain lines and cannot say; the section's Yjs state, frozen with it, can. Both read
 * the same text blocks (`fragmentTextBlocks`, collab/section-doc.ts), so line i here is line i of
 * `fragmentText`, counted over non-empty lines as `passagesOf` counts them.
 */
import * as Y from 'yjs';
import { fragmentTextBlocks } from '../../collab/section-doc.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../../editor/fragments.ts';

function fragmentHeadings(fragment: Y.XmlFragment): number[] {
	const lines: { text: string; heading: boolean }[] = [];
	for (const { node, text: block } of fragmentTextBlocks(fragment)) {
		const heading = node instanceof Y.XmlElement && node.nodeName === 'heading';
		// A line holding a newline is several lines of the plain text.
		for (const text of block.split('\n')) lines.push({ text, heading });
	}
	const out: number[] = [];
	lines
		.filter((l) => l.text.trim() !== '')
		.forEach((l, i) => {
			if (l.heading) out.push(i);
		});
	return out;
}

/** Part (`body`, `item:<id>`) → indices of its non-empty lines that are headings. */
export function sectionHeadings(
	yjsBase64: string,
	itemIds: readonly string[]
): Record<string, number[]> {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, Buffer.from(yjsBase64, 'base64'));
		const out: Record<string, number[]> = {
			body: fragmentHeadings(doc.getXmlFragment(BODY_FRAGMENT))
		};
		for (const id of itemIds)
			out[`item:${id}`] = fragmentHeadings(doc.getXmlFragment(itemFragmentName(id)));
		return out;
	} finally {
		doc.destroy();
	}
}

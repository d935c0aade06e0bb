/**
 * The Yjs items under a ProseMirror selection, for "who wrote this". y-prosemirror maps a fragment
 * to a ProseMirror document one to one: an element node is an open token, its children, a close
 * token (a leaf node is one token), and each character of a Y.XmlText is one position. Walking the
 * fragment the same way turns a [from, to) selection into (client, clock, length) ranges of the
 * text items it covers — the ids the update log knows.
 */
import * as Y from 'yjs';
import type { ItemRange } from './attribution.ts';

/** At most this many ranges are sent to the server for one question. */
export const MAX_SELECTION_RANGES = 2000;

export function itemsInRange(
	fragment: Y.XmlFragment,
	from: number,
	to: number,
	isLeaf: (nodeName: string) => boolean = () => false
): ItemRange[] {
	const ranges: ItemRange[] = [];
	let pos = 0;
	const visitText = (text: Y.XmlText) => {
		for (let item = text._start; item !== null; item = item.right) {
			if (item.deleted || !item.countable) continue;
			const start = pos;
			const end = pos + item.length;
			pos = end;
			const a = Math.max(start, from);
			const b = Math.min(end, to);
			if (b > a && ranges.length < MAX_SELECTION_RANGES) {
				ranges.push({ client: item.id.client, clock: item.id.clock + (a - start), length: b - a });
			}
		}
	};
	const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
		for (const child of parent.toArray()) {
			if (pos >= to) return;
			if (child instanceof Y.XmlText) visitText(child);
			else if (child instanceof Y.XmlElement) {
				if (isLeaf(child.nodeName) && child.length === 0) {
					pos += 1;
					continue;
				}
				pos += 1;
				visit(child);
				pos += 1;
			}
		}
	};
	visit(fragment);
	return ranges;
}

/**
 * Turns the demo content into section documents: one Y.Doc per section, laid out as the editor and
 * the conformance rules read it (section-doc.ts, fragments.ts, editor/schema.ts).
 */
import * as Y from 'yjs';
import { appendRows } from '../collab/section-doc.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../editor/fragments.ts';
import { BLOCK_KEYS } from '../templates/blocks/index.ts';
import type { DemoSection, Prose } from './types.ts';

function textNode(text: string): Y.XmlText {
	const node = new Y.XmlText();
	node.insert(0, text);
	return node;
}

function paragraph(text: string): Y.XmlElement {
	const node = new Y.XmlElement('paragraph');
	node.insert(0, [textNode(text)]);
	return node;
}

/**
 * y-prosemirror stores node attributes as ProseMirror holds them, numbers included (a heading's
 * level); yjs's types default an element's attributes to strings.
 */
function setNumber(node: Y.XmlElement, key: string, value: number): void {
	(node as unknown as Y.XmlElement<Record<string, number>>).setAttribute(key, value);
}

function heading(level: number, text: string): Y.XmlElement {
	const node = new Y.XmlElement('heading');
	setNumber(node, 'level', level);
	node.insert(0, [textNode(text)]);
	return node;
}

function list(kind: 'bullet_list' | 'ordered_list', items: readonly string[]): Y.XmlElement {
	const node = new Y.XmlElement(kind);
	if (kind === 'ordered_list') setNumber(node, 'order', 1);
	node.insert(
		0,
		items.map((text) => {
			const item = new Y.XmlElement('list_item');
			item.insert(0, [paragraph(text)]);
			return item;
		})
	);
	return node;
}

const HEADING = /^(#{2,4}) (.+)$/;
const BULLET = /^- (.+)$/;
const ORDERED = /^\d+\. (.+)$/;

/** The ProseMirror-shaped nodes of some prose, in order. */
export function proseNodes(prose: Prose): Y.XmlElement[] {
	const nodes: Y.XmlElement[] = [];
	let pending: { kind: 'bullet_list' | 'ordered_list'; items: string[] } | undefined;
	const flush = () => {
		if (pending) nodes.push(list(pending.kind, pending.items));
		pending = undefined;
	};
	for (const line of prose) {
		const bullet = BULLET.exec(line);
		const ordered = bullet ? null : ORDERED.exec(line);
		const kind = bullet ? 'bullet_list' : ordered ? 'ordered_list' : undefined;
		if (kind) {
			if (pending?.kind !== kind) flush();
			pending ??= { kind, items: [] };
			pending.items.push((bullet ?? ordered)![1]);
			continue;
		}
		flush();
		const head = HEADING.exec(line);
		nodes.push(head ? heading(head[1].length, head[2]) : paragraph(line));
	}
	flush();
	return nodes;
}

function writeProse(fragment: Y.XmlFragment, prose: Prose | undefined): void {
	if (prose && prose.length > 0) fragment.insert(0, proseNodes(prose));
}

/** The section's document, ready to be encoded as one update. */
export function buildSectionDoc(section: DemoSection): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		writeProse(doc.getXmlFragment(BODY_FRAGMENT), section.body);
		for (const [itemId, prose] of Object.entries(section.items ?? {}))
			writeProse(doc.getXmlFragment(itemFragmentName(itemId)), prose);
		for (const key of BLOCK_KEYS) {
			const rows = section.blocks?.[key];
			if (rows && rows.length > 0) appendRows(doc, key, rows);
		}
	});
	return doc;
}

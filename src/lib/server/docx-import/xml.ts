/**
 * WordprocessingML parts as a small element tree, read with fast-xml-parser (document order kept).
 * A part with a DOCTYPE is refused: Word never writes one, and entity declarations are the way to
 * make an XML parser expand a few bytes into gigabytes.
 */
import { XMLParser } from 'fast-xml-parser';
import { cleanProse } from '../../text-rules.ts';
import { DocxRefusal } from './archive.ts';

export interface XNode {
	name: string;
	attrs: Record<string, string>;
	children: XNode[];
	/** Character data, for a `#text` node. */
	text?: string;
}

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	trimValues: false,
	parseTagValue: false,
	parseAttributeValue: false,
	processEntities: true,
	htmlEntities: false
});

type Ordered = Record<string, unknown>[];

function cleanAttributes(attrs: Record<string, string> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(attrs ?? {})) out[name] = cleanProse(String(value));
	return out;
}

function convert(items: Ordered): XNode[] {
	const out: XNode[] = [];
	for (const item of items) {
		for (const [key, value] of Object.entries(item)) {
			if (key === ':@') continue;
			// XML 1.0 has no place for NUL and most control characters; a crafted file may carry them
			// anyway. Dropped here, where every part is read, they reach neither the document nor a
			// comment, an author's name or the database (text-rules.ts).
			if (key === '#text') {
				out.push({ name: '#text', attrs: {}, children: [], text: cleanProse(String(value)) });
				continue;
			}
			const attrs = cleanAttributes(item[':@'] as Record<string, string> | undefined);
			out.push({
				name: key,
				attrs,
				children: Array.isArray(value) ? convert(value as Ordered) : []
			});
		}
	}
	return out;
}

/** The part's root elements (the XML declaration dropped). */
export function parseXml(xml: string): XNode[] {
	if (/<!DOCTYPE/i.test(xml)) throw new DocxRefusal('malformed');
	let parsed: Ordered;
	try {
		parsed = parser.parse(xml) as Ordered;
	} catch {
		throw new DocxRefusal('malformed');
	}
	return convert(parsed).filter((n) => n.name !== '?xml');
}

export function child(node: XNode | undefined, name: string): XNode | undefined {
	return node?.children.find((c) => c.name === name);
}

export function children(node: XNode | undefined, name: string): XNode[] {
	return node?.children.filter((c) => c.name === name) ?? [];
}

/** The first descendant by path, e.g. `path(p, 'w:pPr', 'w:pStyle')`. */
export function path(node: XNode | undefined, ...names: string[]): XNode | undefined {
	let at = node;
	for (const name of names) at = child(at, name);
	return at;
}

/** Concatenated character data below a node. */
export function textOf(node: XNode): string {
	if (node.name === '#text') return node.text ?? '';
	return node.children.map(textOf).join('');
}

/** A WordprocessingML on/off property (`<w:b/>`, `<w:b w:val="0"/>`). */
export function isOn(node: XNode | undefined): boolean {
	if (!node) return false;
	const value = node.attrs['w:val'];
	return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

/**
 * Cleans HTML pasted from Word or WPS before ProseMirror parses it: keeps headings, tables, bold,
 * italic and underline; turns Word's fake list paragraphs (`mso-list`) into real lists; drops
 * conditional comments, Office namespaces, classes, fonts and colours. Works on the HTML string, so
 * it runs (and is tested) without a DOM.
 */
import { Fragment, Slice, type Node } from 'prosemirror-model';
import { cleanProse } from '../text-rules.ts';

const KEPT_STYLES = /^(font-weight|font-style|text-decoration(-line)?)$/;

function cleanStyle(style: string): string {
	return style
		.split(';')
		.map((d) => d.trim())
		.filter((d) => {
			const [property] = d.split(':');
			return property !== undefined && KEPT_STYLES.test(property.trim().toLowerCase());
		})
		.join(';');
}

function cleanAttributes(html: string): string {
	return html.replace(
		/<([a-z][a-z0-9]*)(\s[^>]*)?>/gi,
		(_whole, tag: string, attrs: string | undefined) => {
			if (!attrs) return `<${tag}>`;
			const kept: string[] = [];
			const attrPattern = /([a-z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
			for (const [, rawName, rawValue] of attrs.matchAll(attrPattern)) {
				const name = rawName.toLowerCase();
				const value = rawValue.replace(/^["']|["']$/g, '');
				if (name === 'style') {
					const style = cleanStyle(value);
					if (style) kept.push(`style="${style}"`);
				} else if (['href', 'colspan', 'rowspan', 'start'].includes(name)) {
					kept.push(`${name}="${value.replace(/"/g, '&quot;')}"`);
				}
			}
			return kept.length > 0 ? `<${tag} ${kept.join(' ')}>` : `<${tag}>`;
		}
	);
}

/** Word marks list paragraphs with `mso-list:lN levelM` and writes the bullet as ignored text. */
function convertWordLists(html: string): string {
	const para =
		/<p[^>]*style=(["'])[^"']*mso-list:\s*l\d+\s+level(\d)[^"']*\1[^>]*>([\s\S]*?)<\/p>/gi;
	const items: { start: number; end: number; ordered: boolean; body: string }[] = [];
	for (const match of html.matchAll(para)) {
		const inner = match[3];
		const marker = /<span[^>]*mso-list:\s*Ignore[^>]*>([\s\S]*?)<\/span>/i.exec(inner)?.[1] ?? '';
		const markerText = marker
			.replace(/<[^>]+>/g, '')
			.replace(/&nbsp;/g, ' ')
			.trim();
		const ordered = /^[(（]?[\d一二三四五六七八九十a-zA-Z]+[.)）、]/.test(markerText);
		const body = inner.replace(/<span[^>]*mso-list:\s*Ignore[^>]*>[\s\S]*?<\/span>/gi, '');
		items.push({ start: match.index, end: match.index + match[0].length, ordered, body });
	}
	if (items.length === 0) return html;
	// Consecutive list paragraphs of one kind form one list.
	const continues = (
		a: (typeof items)[number] | undefined,
		b: (typeof items)[number] | undefined
	) => !!a && !!b && a.ordered === b.ordered && html.slice(a.end, b.start).trim() === '';
	let out = '';
	let cursor = 0;
	items.forEach((item, i) => {
		const tag = item.ordered ? 'ol' : 'ul';
		if (!continues(items[i - 1], item)) out += html.slice(cursor, item.start) + `<${tag}>`;
		out += `<li><p>${item.body}</p></li>`;
		if (!continues(item, items[i + 1])) out += `</${tag}>`;
		cursor = item.end;
	});
	return out + html.slice(cursor);
}

export function cleanPastedHtml(html: string): string {
	let out = html
		.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<(style|script|xml|meta|link|title)[^>]*>[\s\S]*?<\/\1>/gi, '')
		.replace(/<(meta|link)[^>]*\/?>/gi, '')
		.replace(/<\/?o:p[^>]*>/gi, '')
		.replace(/<\/?[a-z]+:[a-z]+[^>]*>/gi, '');
	out = convertWordLists(out);
	out = cleanAttributes(out)
		// spans and fonts carry nothing we keep once their attributes are gone
		.replace(/<(span|font)>([\s\S]*?)<\/\1>/gi, '$2')
		.replace(/<(span|font)>/gi, '')
		.replace(/<\/(span|font)>/gi, '')
		.replace(/<p>(\s|&nbsp;)*<\/p>/gi, '');
	return out;
}

function cleanFragment(fragment: Fragment): Fragment {
	const nodes: Node[] = [];
	fragment.forEach((node) => {
		if (node.isText) {
			const text = cleanProse(node.text ?? '');
			if (text) nodes.push(text === node.text ? node : node.type.schema.text(text, node.marks));
		} else nodes.push(node.copy(cleanFragment(node.content)));
	});
	return Fragment.from(nodes);
}

/**
 * A pasted or dropped slice without control characters (Word's U+000B line break, a stray U+0000):
 * the server refuses text holding them (collab/block-guard.ts), which would close the section.
 */
export function cleanPastedSlice(slice: Slice): Slice {
	return new Slice(cleanFragment(slice.content), slice.openStart, slice.openEnd);
}

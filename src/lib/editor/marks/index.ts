/** Inline marks: bold, italic, underline, link (http, https and mailto only). */
import type { MarkSpec } from 'prosemirror-model';

export function safeHref(href: string | null | undefined): string | null {
	if (!href) return null;
	try {
		const url = new URL(href, 'https://invalid.local');
		if (url.origin === 'https://invalid.local') return null; // relative links are not kept
		return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}

export const strong: MarkSpec = {
	parseDOM: [
		{ tag: 'strong' },
		{ tag: 'b', getAttrs: (node) => (node as HTMLElement).style.fontWeight !== 'normal' && null },
		{ style: 'font-weight=bold' },
		{
			style: 'font-weight',
			getAttrs: (value) => /^(bold(er)?|[6-9]\d{2})$/.test(value as string) && null
		}
	],
	toDOM: () => ['strong', 0]
};

export const em: MarkSpec = {
	parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
	toDOM: () => ['em', 0]
};

export const underline: MarkSpec = {
	parseDOM: [{ tag: 'u' }, { style: 'text-decoration=underline' }],
	toDOM: () => ['u', 0]
};

export const link: MarkSpec = {
	attrs: { href: { validate: 'string' } },
	inclusive: false,
	parseDOM: [
		{
			tag: 'a[href]',
			getAttrs: (dom) => {
				const href = safeHref((dom as HTMLElement).getAttribute('href'));
				return href ? { href } : false;
			}
		}
	],
	// The href is checked again here, not only on paste: Yjs is writable by any editor's client, which
	// can store `javascript:` or `data:` directly. An unsafe one renders as an <a> without href (no
	// live link; ProseMirror leaves out null attributes).
	toDOM: (mark) => [
		'a',
		{
			href: safeHref(mark.attrs.href as string),
			rel: 'noopener noreferrer nofollow',
			target: '_blank'
		},
		0
	]
};

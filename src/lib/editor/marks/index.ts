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
	toDOM: (mark) => [
		'a',
		{ href: mark.attrs.href as string, rel: 'noopener noreferrer nofollow', target: '_blank' },
		0
	]
};

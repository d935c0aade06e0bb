/**
 * Figures (issue 16): an image of the plan with its caption, alt text and width, and an inline
 * cross-reference to a figure that shows its current number (图 6-1). The image is named by the
 * SHA-256 of its bytes (`src`), never by a URL: the editor and the exports build the address or
 * read the bytes themselves, so pasted HTML cannot point a figure anywhere else. Caption and alt
 * text are attributes (plain text), so y-prosemirror syncs them as the element's attributes.
 */
import type { NodeSpec } from 'prosemirror-model';
import { DEFAULT_FIGURE_WIDTH, figureWidth, isImageHash } from '../../images/limits.ts';
import { STRUCTURE_ATTR } from '../../suggestions/structure-attr.ts';

export const figure: NodeSpec = {
	group: 'block',
	atom: true,
	draggable: true,
	selectable: true,
	attrs: {
		id: { default: '' },
		src: { default: '' },
		alt: { default: '' },
		caption: { default: '' },
		width: { default: DEFAULT_FIGURE_WIDTH },
		// 修订: a suggested picture or a picture suggested for deletion (suggestions/structure.ts).
		[STRUCTURE_ATTR]: { default: null }
	},
	parseDOM: [
		{
			tag: 'figure[data-image]',
			getAttrs(dom) {
				const element = dom as HTMLElement;
				const src = element.getAttribute('data-image');
				if (!isImageHash(src)) return false;
				return {
					id: element.getAttribute('data-id') ?? '',
					src,
					alt: element.querySelector('img')?.getAttribute('alt') ?? '',
					caption: element.querySelector('figcaption')?.textContent ?? '',
					width: figureWidth(element.getAttribute('data-width'))
				};
			}
		}
	],
	toDOM: (node) => [
		'figure',
		{
			'data-image': node.attrs.src as string,
			'data-id': node.attrs.id as string,
			'data-width': String(node.attrs.width)
		},
		['img', { alt: node.attrs.alt as string }],
		['figcaption', node.attrs.caption as string]
	]
};

export const figure_ref: NodeSpec = {
	inline: true,
	group: 'inline',
	atom: true,
	selectable: true,
	attrs: { target: { default: '' } },
	parseDOM: [
		{
			tag: 'span[data-figure-ref]',
			getAttrs: (dom) => ({ target: (dom as HTMLElement).getAttribute('data-figure-ref') ?? '' })
		}
	],
	toDOM: (node) => [
		'span',
		{ 'data-figure-ref': node.attrs.target as string, class: 'figure-ref' },
		'图'
	]
};

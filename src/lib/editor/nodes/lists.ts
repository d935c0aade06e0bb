/**
 * Bullet and ordered lists (prosemirror-schema-list's node shapes). A list may carry a structural
 * suggestion (修订: paragraphs suggested into a list, suggestions/structure.ts).
 */
import type { NodeSpec } from 'prosemirror-model';
import { STRUCTURE_ATTR } from '../../suggestions/structure-attr.ts';

export const bullet_list: NodeSpec = {
	attrs: { [STRUCTURE_ATTR]: { default: null } },
	content: 'list_item+',
	group: 'block',
	parseDOM: [{ tag: 'ul' }],
	toDOM: () => ['ul', 0]
};

export const ordered_list: NodeSpec = {
	attrs: { order: { default: 1, validate: 'number' }, [STRUCTURE_ATTR]: { default: null } },
	content: 'list_item+',
	group: 'block',
	parseDOM: [
		{
			tag: 'ol',
			getAttrs: (dom) => ({
				order: Number((dom as HTMLElement).getAttribute('start') ?? 1) || 1
			})
		}
	],
	toDOM: (node) =>
		node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: node.attrs.order as number }, 0]
};

export const list_item: NodeSpec = {
	content: 'paragraph block*',
	defining: true,
	parseDOM: [{ tag: 'li' }],
	toDOM: () => ['li', 0]
};

/** Document, paragraph, text, hard break, blockquote: the plain prose of a government document. */
import type { NodeSpec } from 'prosemirror-model';

export const doc: NodeSpec = { content: 'block+' };

export const paragraph: NodeSpec = {
	content: 'inline*',
	group: 'block',
	parseDOM: [{ tag: 'p' }],
	toDOM: () => ['p', 0]
};

export const text: NodeSpec = { group: 'inline' };

export const hard_break: NodeSpec = {
	inline: true,
	group: 'inline',
	selectable: false,
	parseDOM: [{ tag: 'br' }],
	toDOM: () => ['br']
};

export const blockquote: NodeSpec = {
	content: 'block+',
	group: 'block',
	defining: true,
	parseDOM: [{ tag: 'blockquote' }],
	toDOM: () => ['blockquote', 0]
};

/**
 * Headings 1–4. Chinese official documents number their levels 一、（一）1.（1）; the numbering is
 * the author's text, so headings carry only their level.
 */
import type { NodeSpec } from 'prosemirror-model';

export const HEADING_LEVELS = [1, 2, 3, 4] as const;

export const heading: NodeSpec = {
	attrs: { level: { default: 1, validate: 'number' } },
	content: 'inline*',
	group: 'block',
	defining: true,
	parseDOM: [
		...HEADING_LEVELS.map((level) => ({ tag: `h${level}`, attrs: { level } })),
		// Word's deeper headings fold into the deepest level we keep.
		{ tag: 'h5', attrs: { level: 4 } },
		{ tag: 'h6', attrs: { level: 4 } }
	],
	toDOM: (node) => [`h${node.attrs.level as number}`, 0]
};

/**
 * The one ProseMirror schema of Lantu's prose, assembled from small node and mark modules. It has
 * no DOM dependency at import, so the server can use it to render, export and validate.
 */
import { addSuggestionMarks } from '@handlewithcare/prosemirror-suggest-changes';
import { Schema } from 'prosemirror-model';
import { em, link, strong, underline } from './marks/index.ts';
import { blockquote, doc, hard_break, paragraph, text } from './nodes/basic.ts';
import { figure, figure_ref } from './nodes/figure.ts';
import { heading } from './nodes/heading.ts';
import { bullet_list, list_item, ordered_list } from './nodes/lists.ts';
import { tables } from './nodes/table.ts';

export const schema = new Schema({
	nodes: {
		// The library's suggestion marks (修订) may sit on blocks too, as its README asks.
		doc: { ...doc, marks: 'insertion modification deletion' },
		paragraph,
		heading,
		blockquote,
		bullet_list,
		ordered_list,
		list_item,
		...tables,
		figure,
		text,
		hard_break,
		figure_ref
	},
	marks: addSuggestionMarks({ strong, em, underline, link })
});

export type EditorSchema = typeof schema;

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
import { format_change } from '../suggestions/format-mark.ts';

export const schema = new Schema({
	nodes: {
		// Block-level suggestion marks, as the suggest-changes README asks (issue 17). y-prosemirror
		// 1.x syncs only inline marks, so the editor turns them into inline marks (suggestions/).
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
	// 修订 (issue 17): the library's insertion, deletion and modification marks, names and attrs as
	// is, and Lantu's suggested formatting / paragraph-style change (suggestions/format-mark.ts).
	marks: { ...addSuggestionMarks({ strong, em, underline, link }), format_change }
});

export type EditorSchema = typeof schema;

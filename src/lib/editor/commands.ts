/** Editor commands: plain ProseMirror `Command`s, `dispatch` optional so each doubles as "can I?". */
import { setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import type { MarkType } from 'prosemirror-model';
import { wrapInList } from 'prosemirror-schema-list';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import {
	addColumnAfter,
	addRowAfter,
	deleteColumn,
	deleteRow,
	deleteTable,
	isInTable
} from 'prosemirror-tables';
import { safeHref } from './marks/index.ts';
import { schema } from './schema.ts';

export const toggleBold = toggleMark(schema.marks.strong);
export const toggleItalic = toggleMark(schema.marks.em);
export const toggleUnderline = toggleMark(schema.marks.underline);
export const setParagraph = setBlockType(schema.nodes.paragraph);
export const setHeading = (level: number) => setBlockType(schema.nodes.heading, { level });
export const bulletList = wrapInList(schema.nodes.bullet_list);
export const orderedList = wrapInList(schema.nodes.ordered_list);
export const quote = wrapIn(schema.nodes.blockquote);
export { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, isInTable };

/** An empty rows × cols table whose first row is a header row. */
export function emptyTable(
	rows: number,
	cols: number,
	attrs: Record<string, unknown> | null = null
) {
	const { table, table_row, table_cell, table_header, paragraph } = schema.nodes;
	const row = (type: typeof table_cell) =>
		table_row.create(
			null,
			Array.from({ length: cols }, () => type.create(null, paragraph.create()))
		);
	return table.create(attrs, [
		row(table_header),
		...Array.from({ length: rows - 1 }, () => row(table_cell))
	]);
}

/** Inserts a rows × cols table with a header row, and puts the cursor in its first header cell. */
export function insertTable(rows = 3, cols = 3): Command {
	return (state, dispatch) => {
		const { table } = schema.nodes;
		if (isInTable(state)) return false;
		if (dispatch) {
			const tr = state.tr.replaceSelectionWith(emptyTable(rows, cols));
			// replaceSelectionWith leaves the cursor after the table's content: walk up to the table.
			const $end = tr.selection.$from;
			for (let depth = $end.depth; depth > 0; depth--) {
				if ($end.node(depth).type === table) {
					tr.setSelection(TextSelection.near(tr.doc.resolve($end.before(depth) + 3)));
					break;
				}
			}
			dispatch(tr.scrollIntoView());
		}
		return true;
	};
}

/** Sets (or with an empty href removes) a link on the selection; unsafe URLs are refused. */
export function setLink(href: string): Command {
	return (state, dispatch) => {
		const { from, to, empty } = state.selection;
		if (empty) return false;
		const mark = schema.marks.link;
		if (!href.trim()) {
			dispatch?.(state.tr.removeMark(from, to, mark));
			return true;
		}
		const safe = safeHref(href.trim());
		if (!safe) return false;
		dispatch?.(state.tr.removeMark(from, to, mark).addMark(from, to, mark.create({ href: safe })));
		return true;
	};
}

export function markActive(state: EditorState, type: MarkType): boolean {
	const { from, $from, to, empty } = state.selection;
	if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
	return state.doc.rangeHasMark(from, to, type);
}

export function blockActive(
	state: EditorState,
	typeName: string,
	attrs: Record<string, unknown> = {}
): boolean {
	const { $from } = state.selection;
	const node = $from.parent;
	if (node.type.name !== typeName) return false;
	return Object.entries(attrs).every(([k, v]) => node.attrs[k] === v);
}

/**
 * The editor's structural commands while 修订 is on (issue 17): insert or delete a table, add a
 * table row or column, delete one, make paragraphs a list — each made at once and marked with a
 * structural suggestion by this author (structure.ts), so the owners can accept or reject it.
 * Inside a table one has suggested oneself, rows and columns change directly: rejecting the table
 * takes them all, so the section's base does not change. Transactions carry
 * `STRUCTURE_META`: the suggest-changes library leaves them alone, and the editor still checks
 * that they keep the section's base (editor.ts), as the server does.
 */
import type { NodeType, Node as PMNode, ResolvedPos } from 'prosemirror-model';
import { wrapInList } from 'prosemirror-schema-list';
import { emptyTable } from '../editor/commands.ts';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import {
	addColumn,
	addColumnAfter,
	addRow,
	addRowAfter,
	deleteColumn,
	deleteRow,
	isInTable,
	removeColumn,
	removeRow,
	selectedRect,
	TableMap
} from 'prosemirror-tables';
import { ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import { parseSuggestionId } from './ids.ts';
import { STRUCTURE_ATTR, structureOf, structureValue, type StructureKind } from './structure.ts';

export const STRUCTURE_META = 'lantu-structure';

/** A fresh suggestion id by this browser's author (ids.ts), and that author's user id. */
export interface StructureAuthor {
	newId: () => string;
	userId: number;
}

function suggest(tr: Transaction, pos: number, kind: StructureKind, id: string): void {
	tr.setNodeAttribute(pos, STRUCTURE_ATTR, structureValue({ kind, id }));
}

function done(tr: Transaction, dispatch?: (tr: Transaction) => void): boolean {
	dispatch?.(tr.setMeta(STRUCTURE_META, true).scrollIntoView());
	return true;
}

/** Position of row `index` of the table starting (inside) at `tableStart`. */
function rowPos(table: PMNode, tableStart: number, index: number): number {
	let pos = tableStart;
	for (let i = 0; i < index; i++) pos += table.child(i).nodeSize;
	return pos;
}

/** Positions (relative to the table's start) of the cells that make up column `col` alone. */
function columnCells(map: TableMap, table: PMNode, col: number): number[] | null {
	const cells: number[] = [];
	for (let row = 0; row < map.height; row++) {
		const cell = map.map[row * map.width + col];
		if (cells.includes(cell)) continue;
		// A merged cell across columns cannot be one column's suggestion.
		if ((table.nodeAt(cell)?.attrs.colspan as number) !== 1) return null;
		cells.push(cell);
	}
	return cells;
}

/** The table around a position (a selection's start): its position and node, or null. */
function tableAt($from: ResolvedPos): { pos: number; node: PMNode } | null {
	for (let depth = $from.depth; depth > 0; depth--) {
		const node = $from.node(depth);
		if (node.type.spec.tableRole === 'table') return { pos: $from.before(depth), node };
	}
	return null;
}

/**
 * In a table this author suggested (not yet decided), `command` runs as an owner's would, marked
 * so the suggest-changes library leaves it alone; elsewhere `suggested` runs.
 */
function inOwnTable(command: Command, suggested: Command, author: StructureAuthor): Command {
	return (state, dispatch, view) => {
		const table = tableAt(state.selection.$from);
		if (!table || !ownInsert(table.node, author)) return suggested(state, dispatch, view);
		return command(state, dispatch && ((tr) => dispatch(tr.setMeta(STRUCTURE_META, true))), view);
	};
}

/**
 * 插入表格 while suggesting: a rows × cols table, one suggested insertion, put right after the
 * paragraph the caret is in — nothing of the text is split or replaced, so rejecting the table
 * gives back the section as it was. The caret goes into its first cell.
 */
export function suggestInsertTable(rows: number, cols: number, author: StructureAuthor): Command {
	return (state, dispatch) => {
		const { $from } = state.selection;
		if (isInTable(state) || !$from.parent.isTextblock || $from.depth < 1) return false;
		const pos = $from.after();
		const table = emptyTable(rows, cols, {
			[STRUCTURE_ATTR]: structureValue({ kind: 'insert', id: author.newId() })
		});
		if (!$from.node(-1).canReplaceWith($from.indexAfter(-1), $from.indexAfter(-1), table.type))
			return false;
		if (!dispatch) return true;
		const tr = state.tr.insert(pos, table);
		// Into the first (header) cell: table, row, cell, paragraph.
		tr.setSelection(TextSelection.create(tr.doc, pos + 4));
		return done(tr, dispatch);
	};
}

/** 删除表格 while suggesting: one's own suggested table goes, another is marked for deletion. */
export function suggestDeleteTable(author: StructureAuthor): Command {
	return (state, dispatch) => {
		const table = tableAt(state.selection.$from);
		if (!table) return false;
		const tr = state.tr;
		if (ownInsert(table.node, author)) tr.delete(table.pos, table.pos + table.node.nodeSize);
		else if (table.node.attrs[STRUCTURE_ATTR] === null)
			suggest(tr, table.pos, 'delete', author.newId());
		else return false; // another's suggestion: decided by the owners first
		return done(tr, dispatch);
	};
}

/** 在下方插入行, as a suggested row. */
export function suggestAddRow(author: StructureAuthor): Command {
	return inOwnTable(addRowAfter, suggestRow(author), author);
}

function suggestRow(author: StructureAuthor): Command {
	return (state, dispatch) => {
		if (!isInTable(state)) return false;
		if (!dispatch) return true;
		const rect = selectedRect(state);
		const tr = addRow(state.tr, rect, rect.bottom);
		const table = tr.doc.nodeAt(rect.tableStart - 1) as PMNode;
		suggest(tr, rowPos(table, rect.tableStart, rect.bottom), 'insert', author.newId());
		return done(tr, dispatch);
	};
}

/** 在右侧插入列, as a suggested column (each of its cells carries the suggestion). */
export function suggestAddColumn(author: StructureAuthor): Command {
	return inOwnTable(addColumnAfter, suggestColumn(author), author);
}

function suggestColumn(author: StructureAuthor): Command {
	return (state, dispatch) => {
		if (!isInTable(state)) return false;
		if (!dispatch) return true;
		const rect = selectedRect(state);
		const tr = addColumn(state.tr, rect, rect.right);
		const table = tr.doc.nodeAt(rect.tableStart - 1) as PMNode;
		const map = TableMap.get(table);
		const id = author.newId();
		const seen = new Set<number>();
		for (let row = 0; row < map.height; row++) {
			const cell = map.map[row * map.width + rect.right];
			if (seen.has(cell)) continue;
			seen.add(cell);
			// A merged cell widened across the new column (not a new cell) keeps no suggestion.
			if (map.findCell(cell).left === rect.right) suggest(tr, rect.tableStart + cell, 'insert', id);
		}
		return done(tr, dispatch);
	};
}

/** Own suggested node (inserted by this author), to remove instead of marking it deleted. */
function ownInsert(node: PMNode | null | undefined, author: StructureAuthor): boolean {
	const s = node ? structureOf(node) : null;
	return s?.kind === 'insert' && parseSuggestionId(s.id)?.userId === author.userId;
}

/** 删除所在行: the selected rows marked deleted (one's own suggested rows are simply removed). */
export function suggestDeleteRows(author: StructureAuthor): Command {
	return inOwnTable(deleteRow, suggestRowDeletion(author), author);
}

function suggestRowDeletion(author: StructureAuthor): Command {
	return (state, dispatch) => {
		if (!isInTable(state)) return false;
		const rect = selectedRect(state);
		const tr = state.tr;
		const id = author.newId();
		let changed = false;
		for (let row = rect.bottom - 1; row >= rect.top; row--) {
			const table = tr.doc.nodeAt(rect.tableStart - 1) as PMNode;
			const node = table.child(row);
			if (ownInsert(node, author)) {
				// Only the last row of a table cannot go alone (the table would be empty).
				if (table.childCount === 1) continue;
				removeRow(tr, { ...rect, table, map: TableMap.get(table) }, row);
			} else if (node.attrs[STRUCTURE_ATTR] === null)
				suggest(tr, rowPos(table, rect.tableStart, row), 'delete', id);
			else continue; // another's suggestion: decided by the owners first
			changed = true;
		}
		return changed && done(tr, dispatch);
	};
}

/** 删除所在列: the selected columns' cells marked deleted (one's own suggested column removed). */
export function suggestDeleteColumns(author: StructureAuthor): Command {
	return inOwnTable(deleteColumn, suggestColumnDeletion(author), author);
}

function suggestColumnDeletion(author: StructureAuthor): Command {
	return (state, dispatch) => {
		if (!isInTable(state)) return false;
		const rect = selectedRect(state);
		const tr = state.tr;
		const id = author.newId();
		let changed = false;
		for (let col = rect.right - 1; col >= rect.left; col--) {
			const table = tr.doc.nodeAt(rect.tableStart - 1) as PMNode;
			const map = TableMap.get(table);
			const cells = columnCells(map, table, col);
			if (!cells) continue;
			const nodes = cells.map((cell) => table.nodeAt(cell));
			if (nodes.every((node) => ownInsert(node, author)) && map.width > 1) {
				removeColumn(tr, { ...rect, table, map }, col);
			} else if (nodes.every((node) => node?.attrs[STRUCTURE_ATTR] === null)) {
				for (const cell of cells) suggest(tr, rect.tableStart + cell, 'delete', id);
			} else continue;
			changed = true;
		}
		return changed && done(tr, dispatch);
	};
}

function inList(state: EditorState): boolean {
	const { $from } = state.selection;
	for (let depth = $from.depth; depth > 0; depth--)
		if ($from.node(depth).type.name === 'list_item') return true;
	return false;
}

/** 项目符号列表 / 编号列表: the selected paragraphs wrapped into a suggested list. */
export function suggestWrapInList(listType: NodeType, author: StructureAuthor): Command {
	return (state, dispatch) => {
		if (inList(state)) return false;
		let wrapped: Transaction | null = null;
		if (!wrapInList(listType)(state, (tr) => (wrapped = tr))) return false;
		if (!dispatch) return true;
		const tr = wrapped as Transaction | null;
		if (!tr) return false;
		const index = tr.steps.findIndex((step) => step instanceof ReplaceAroundStep);
		if (index < 0) return false;
		const step = tr.steps[index] as ReplaceAroundStep;
		const pos = tr.mapping.slice(index + 1).map(step.from);
		if (tr.doc.nodeAt(pos)?.type !== listType) return false;
		suggest(tr, pos, 'wrap', author.newId());
		return done(tr, dispatch);
	};
}

/** A new picture's attribute while suggesting: a suggested insertion by this author. */
export function insertedFigure(author: StructureAuthor): Record<string, string> {
	return { [STRUCTURE_ATTR]: structureValue({ kind: 'insert', id: author.newId() }) };
}

/**
 * Removing the picture at `pos` while suggesting: one's own suggested picture goes, another is
 * marked for deletion; null when it already carries someone's suggestion (the owners decide it).
 */
export function suggestRemoveFigure(
	state: EditorState,
	pos: number,
	author: StructureAuthor
): Transaction | null {
	const node = state.doc.nodeAt(pos);
	if (!node || node.type.name !== 'figure') return null;
	const tr = state.tr;
	if (ownInsert(node, author)) tr.delete(pos, pos + node.nodeSize);
	else if (node.attrs[STRUCTURE_ATTR] === null) suggest(tr, pos, 'delete', author.newId());
	else return null;
	return tr.setMeta(STRUCTURE_META, true);
}

/** Whether the picture may be edited (caption, alt text, width) while suggesting: one's own. */
export function figureEditable(node: PMNode, author: StructureAuthor): boolean {
	return ownInsert(node, author);
}

/**
 * A local transaction that deletes exactly one picture (Delete or Backspace on a selected one)
 * turned into its suggested deletion; null for any other transaction (the library takes it).
 */
export function figureDeletion(
	state: EditorState,
	tr: Transaction,
	author: StructureAuthor
): Transaction | null {
	if (tr.steps.length !== 1) return null;
	const step = tr.steps[0];
	if (!(step instanceof ReplaceStep) || step.slice.size !== 0) return null;
	const node = state.doc.nodeAt(step.from);
	if (node?.type.name !== 'figure' || step.to - step.from !== node.nodeSize) return null;
	return suggestRemoveFigure(state, step.from, author);
}

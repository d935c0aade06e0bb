/**
 * Structural suggestions (修订, issue 17): a suggested table row or column, a paragraph turned
 * into a list, a suggested picture — and their deletions — as Word tracks them. The change is made
 * at once and the changed node carries a `suggestion` attribute, kind and id (the id names
 * author, department and time as every suggestion's does, ids.ts):
 *
 * - `table`: `insert` (a new table: reject removes it) or `delete` (accept removes it);
 * - `table_row`: `insert` (reject removes the row) or `delete` (accept removes it);
 * - `table_cell` / `table_header`: the same for a column — every cell of the column carries it;
 * - `bullet_list` / `ordered_list`: `wrap`, paragraphs wrapped into a new list (reject lifts the
 *   items back into the paragraphs they were);
 * - `figure`: `insert` (a suggested picture) or `delete`.
 *
 * The attribute is one string, `"<kind> <id>"` (ids have no spaces): y-prosemirror compares node
 * attributes by identity when it writes them, so an object would be written again on every edit.
 *
 * Why an attribute and not the suggest-changes library's block marks: y-prosemirror 1.x syncs
 * node attributes but no node marks, so a block mark would reach the other editors — and the
 * server — as a plain, unmarked change. Isomorphic: the editor builds them (structure-commands.ts),
 * the owners accept or reject them (`decideStructure`), the server's base rejects them all
 * (`rejectAllStructure`, base.ts).
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { removeColumn, removeRow, TableMap } from 'prosemirror-tables';
import { Transform } from 'prosemirror-transform';
import { z } from 'zod';
import { m } from '../paraglide/messages.js';
import { STRUCTURE_ATTR } from './structure-attr.ts';

export { STRUCTURE_ATTR };

/** Which kinds each node type may carry. */
export const STRUCTURE_KINDS: Readonly<Record<string, readonly StructureKind[]>> = {
	table: ['insert', 'delete'],
	table_row: ['insert', 'delete'],
	table_cell: ['insert', 'delete'],
	table_header: ['insert', 'delete'],
	bullet_list: ['wrap'],
	ordered_list: ['wrap'],
	figure: ['insert', 'delete']
};

const structureSchema = z.object({
	kind: z.enum(['insert', 'delete', 'wrap']),
	id: z.string().min(1).max(400)
});
export type StructureSuggestion = z.infer<typeof structureSchema>;
export type StructureKind = StructureSuggestion['kind'];

/** A node's structural suggestion, or null (also for a malformed one, which stays as it is). */
export function structureOf(node: PMNode): StructureSuggestion | null {
	const kinds = STRUCTURE_KINDS[node.type.name];
	if (!kinds) return null;
	const value: unknown = node.attrs[STRUCTURE_ATTR];
	if (typeof value !== 'string') return null;
	const space = value.indexOf(' ');
	const parsed = structureSchema.safeParse({
		kind: value.slice(0, space),
		id: value.slice(space + 1)
	});
	return space > 0 && parsed.success && kinds.includes(parsed.data.kind) ? parsed.data : null;
}

/** The attribute value of a structural suggestion. */
export function structureValue(suggestion: StructureSuggestion): string {
	return `${suggestion.kind} ${suggestion.id}`;
}

interface Found {
	pos: number;
	node: PMNode;
	suggestion: StructureSuggestion;
}

/** The last structural suggestion with `id` (any when undefined), in document order. */
function lastSuggestion(doc: PMNode, id?: string): Found | null {
	let found: Found | null = null;
	doc.descendants((node, pos) => {
		if (node.isInline) return false;
		const suggestion = structureOf(node);
		if (suggestion && (id === undefined || suggestion.id === id)) found = { pos, node, suggestion };
		return true;
	});
	return found;
}

/** Every structural suggestion of a document, in reading order. */
export function structuresIn(doc: PMNode): Found[] {
	const all: Found[] = [];
	doc.descendants((node, pos) => {
		if (node.isInline) return false;
		const suggestion = structureOf(node);
		if (suggestion) all.push({ pos, node, suggestion });
		return true;
	});
	return all;
}

/** The table around a row or cell at `pos`, with what prosemirror-tables' helpers want. */
function tableAround(doc: PMNode, pos: number) {
	const $pos = doc.resolve(pos);
	for (let depth = $pos.depth; depth >= 0; depth--) {
		const node = $pos.node(depth);
		if (node.type.spec.tableRole === 'table') {
			const tableStart = $pos.start(depth);
			return { table: node, tableStart, map: TableMap.get(node) };
		}
	}
	return null;
}

/** Removes the row at `pos` (the whole table when it is its last row). */
function dropRow(tr: Transform, pos: number): void {
	const rect = tableAround(tr.doc, pos);
	if (!rect) return;
	if (rect.table.childCount <= 1) {
		tr.delete(rect.tableStart - 1, rect.tableStart - 1 + rect.table.nodeSize);
		return;
	}
	let index = 0;
	let offset = rect.tableStart;
	while (offset < pos && index < rect.table.childCount)
		offset += rect.table.child(index++).nodeSize;
	// prosemirror-tables types a Transaction; it only uses Transform's methods.
	removeRow(tr as Transaction, { ...rect, left: 0, top: 0, right: 0, bottom: 0 }, index);
}

/** Removes the column of the cell at `pos` (the whole table when it is its last column). */
function dropColumn(tr: Transform, pos: number): void {
	const rect = tableAround(tr.doc, pos);
	if (!rect) return;
	const column = rect.map.findCell(pos - rect.tableStart).left;
	if (rect.map.width <= 1) {
		tr.delete(rect.tableStart - 1, rect.tableStart - 1 + rect.table.nodeSize);
		return;
	}
	removeColumn(tr as Transaction, { ...rect, left: 0, top: 0, right: 0, bottom: 0 }, column);
}

function clear(tr: Transform, pos: number): void {
	tr.setNodeAttribute(pos, STRUCTURE_ATTR, null);
}

/** The list's items as the blocks they were before the wrap. */
function lift(tr: Transform, pos: number, list: PMNode): void {
	const blocks: PMNode[] = [];
	list.forEach((item) => item.forEach((block) => blocks.push(block)));
	tr.replaceWith(pos, pos + list.nodeSize, Fragment.from(blocks));
}

/** Removes a node, or a table's row or column, as the suggestion's decision says. */
function remove(tr: Transform, { pos, node }: Found): void {
	const role = node.type.spec.tableRole as string | undefined;
	if (role === 'row') dropRow(tr, pos);
	else if (role === 'cell' || role === 'header_cell') dropColumn(tr, pos);
	else tr.delete(pos, pos + node.nodeSize);
}

/** One decision on one node; each call removes at least that node's suggestion. */
function decideOne(tr: Transform, found: Found, accept: boolean): void {
	const { kind } = found.suggestion;
	if (kind === 'wrap') {
		if (accept) clear(tr, found.pos);
		else lift(tr, found.pos, found.node);
	} else if ((kind === 'insert') === accept) clear(tr, found.pos);
	else remove(tr, found);
}

/**
 * Accepts or rejects the structural suggestions with `id` — every one when `id` is undefined.
 * Works from the end of the document backwards, one node at a time (a removed column takes its
 * other cells with it), so earlier positions stay valid. Returns whether any was decided.
 */
export function decideStructure(tr: Transform, accept: boolean, id?: string): boolean {
	let decided = false;
	// Bounded: every step removes at least one suggestion.
	for (let guard = 0; guard < 100_000; guard++) {
		const found = lastSuggestion(tr.doc, id);
		if (!found) break;
		const before = tr.steps.length;
		decideOne(tr, found, accept);
		decided = true;
		// A step that could not be made (a malformed table): drop the attribute so the loop ends.
		if (tr.steps.length === before) clear(tr, found.pos);
	}
	return decided;
}

/** The document with every structural suggestion rejected (part of the base, base.ts). */
export function rejectAllStructure(doc: PMNode): PMNode {
	const tr = new Transform(doc);
	decideStructure(tr, false);
	return tr.doc;
}

/** 结构：插入表格行 …: what a structural suggestion does, as the side list and hover name it. */
export function describeStructure(node: PMNode, kind: StructureKind): string {
	const role = node.type.spec.tableRole as string | undefined;
	if (kind === 'wrap')
		return node.type.name === 'ordered_list'
			? m.suggest_structure_wrap_ordered()
			: m.suggest_structure_wrap_bullet();
	const insert = kind === 'insert';
	if (role === 'table') return insert ? m.sug17_insert_table() : m.sug17_delete_table();
	if (role === 'row')
		return insert ? m.suggest_structure_insert_row() : m.suggest_structure_delete_row();
	if (role === 'cell' || role === 'header_cell')
		return insert ? m.suggest_structure_insert_column() : m.suggest_structure_delete_column();
	return insert ? m.suggest_structure_insert_figure() : m.suggest_structure_delete_figure();
}

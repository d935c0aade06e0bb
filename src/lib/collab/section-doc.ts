/**
 * The structured side of a section's Y.Doc, for browser and server alike.
 *
 * Each block is a top-level `Y.Array` named `block:<key>` holding one `Y.Map` per row. Top-level
 * types are identified by name, so two editors adding the first row of an empty block at the same
 * time both keep their row (a shared `data` map would make one of the two fresh arrays lose — the
 * same reason item prose lives in `item:<id>` fragments, see fragments.ts). Text fields are `Y.Text`
 * so two people typing in one cell merge character by character; other fields are plain values
 * (last writer wins, which is what a select or a number means).
 */
import * as Y from 'yjs';
import { BLOCKS } from '../templates/blocks/index.ts';
import { parseRow } from '../templates/blocks/parse.ts';
import type { BlockDecl, BlockKey, FieldDecl } from '../templates/blocks/fields.ts';
import type { SectionTemplate } from '../templates/types.ts';
import type { SectionData } from '../conformance/types.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../editor/fragments.ts';

export type Row = Y.Map<unknown>;
export type Rows = Y.Array<Row>;

export function blockArrayName(key: BlockKey): string {
	return `block:${key}`;
}

export function blockRows(doc: Y.Doc, key: BlockKey): Rows {
	return doc.getArray<Row>(blockArrayName(key));
}

/**
 * The rows of a block array that can be read, and the positions (1-based, as 第N行) of those that
 * cannot. The server refuses a malformed row where it enters (src/lib/server/collab/block-guard.ts), but a
 * row stored before that, or written some other way, must cost its block one reported row — never a
 * section page, an export or the dashboard. Every reader goes through here (or `blockJSON`).
 */
export interface SafeRows {
	rows: Row[];
	bad: number[];
}

export function isRow(value: unknown): value is Row {
	return value instanceof Y.Map;
}

export function readBlockRows(array: Rows): SafeRows {
	const rows: Row[] = [];
	const bad: number[] = [];
	array.toArray().forEach((value: unknown, index) => {
		if (isRow(value)) rows.push(value);
		else bad.push(index + 1);
	});
	return { rows, bad };
}

export function newRowId(): string {
	return crypto.randomUUID();
}

function isTextField(field: FieldDecl): boolean {
	return field.kind === 'text' || field.kind === 'longtext';
}

function emptyValue(field: FieldDecl): unknown {
	if (field.kind === 'reference') return field.multiple ? [] : null;
	return field.kind === 'date' ? '' : null;
}

/**
 * A new row with every declared field present: text fields get their `Y.Text` now, while the row is
 * still only ours, so no two clients ever race to create the same cell's text.
 */
export function createRow(block: BlockDecl, values: Readonly<Record<string, unknown>> = {}): Row {
	const row = new Y.Map<unknown>();
	row.set('id', typeof values.id === 'string' && values.id ? values.id : newRowId());
	for (const field of block.fields) {
		const value = values[field.key];
		if (isTextField(field)) row.set(field.key, new Y.Text(typeof value === 'string' ? value : ''));
		else row.set(field.key, value === undefined ? emptyValue(field) : value);
	}
	return row;
}

export function appendRows(
	doc: Y.Doc,
	key: BlockKey,
	values: readonly Readonly<Record<string, unknown>>[]
): void {
	const block = BLOCKS[key];
	doc.transact(() => blockRows(doc, key).push(values.map((v) => createRow(block, v))));
}

export function insertRow(
	doc: Y.Doc,
	key: BlockKey,
	index: number,
	values: Readonly<Record<string, unknown>> = {}
): string {
	const row = createRow(BLOCKS[key], values);
	const rows = blockRows(doc, key);
	rows.insert(Math.max(0, Math.min(index, rows.length)), [row]);
	return String(row.get('id'));
}

export function rowIndex(rows: Rows, id: string): number {
	return rows.toArray().findIndex((row: unknown) => isRow(row) && row.get('id') === id);
}

export function deleteRow(doc: Y.Doc, key: BlockKey, id: string): void {
	const rows = blockRows(doc, key);
	const index = rowIndex(rows, id);
	if (index >= 0) rows.delete(index, 1);
}

/**
 * Moves a row by copying it to its new place and deleting the old one (Yjs arrays have no move).
 * Text keeps its content, not its history: a keystroke landing in the old copy during the move is
 * kept in neither, which is why the UI only moves rows on an explicit click.
 */
export function moveRow(doc: Y.Doc, key: BlockKey, id: string, to: number): void {
	const rows = blockRows(doc, key);
	const from = rowIndex(rows, id);
	if (from < 0) return;
	const target = Math.max(0, Math.min(to, rows.length - 1));
	if (target === from) return;
	// Re-read through the declaration: a value an older client stored in another shape (a numeric
	// string) is written back in the declared one, which is all the server accepts (block-guard.ts).
	const values = parseRow(BLOCKS[key], rows.get(from).toJSON()) as Record<string, unknown>;
	doc.transact(() => {
		rows.delete(from, 1);
		rows.insert(target, [createRow(BLOCKS[key], values)]);
	});
}

/**
 * Whether a row (or a cell's text) is still in its document. Another editor may delete a row while
 * this page still holds it — a component being torn down, an input's last keystroke: a deleted
 * Y.Map reads as empty, and writing into it would send an update that only creates garbage inside
 * a deleted parent. Deleting a row deletes its cells with it, so the type's own item says it all.
 */
export function isLive(type: Pick<Y.AbstractType<never>, 'doc' | '_item'>): boolean {
	return type.doc !== null && !(type._item?.deleted ?? false);
}

/**
 * The `Y.Text` of a text cell, created when a row written by an older client lacks it. A row that
 * was deleted meanwhile gets a detached text: shown, never written into the document.
 */
export function cellText(row: Row, field: string): Y.Text {
	if (!isLive(row)) return new Y.Text();
	const existing = row.get(field);
	if (existing instanceof Y.Text) return existing;
	const text = new Y.Text(typeof existing === 'string' ? existing : '');
	row.set(field, text);
	return text;
}

/** Sets a plain cell; a row deleted meanwhile is left alone (see `isLive`). */
export function setCell(row: Row, field: string, value: unknown): void {
	if (isLive(row) && row.get(field) !== value) row.set(field, value);
}

/**
 * The text blocks of a ProseMirror fragment in document order (nodes whose children are all
 * text), each with its text; blocks without any text are left out.
 */
export function fragmentTextBlocks(
	fragment: Y.XmlFragment | Y.XmlElement
): { node: Y.XmlFragment | Y.XmlElement; text: string }[] {
	const blocks: { node: Y.XmlFragment | Y.XmlElement; text: string }[] = [];
	const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook, line: string[]) => {
		if (node instanceof Y.XmlText) {
			for (const op of node.toDelta() as { insert?: unknown }[])
				if (typeof op.insert === 'string') line.push(op.insert);
			return;
		}
		if (node instanceof Y.XmlHook) return;
		const children = node.toArray();
		if (children.every((c) => c instanceof Y.XmlText)) {
			const own: string[] = [];
			for (const child of children) walk(child, own);
			if (own.length > 0) blocks.push({ node, text: own.join('') });
			return;
		}
		for (const child of children) walk(child, line);
	};
	walk(fragment, []);
	return blocks;
}

/** Plain text of a ProseMirror fragment: block nodes become lines. */
export function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
	return fragmentTextBlocks(fragment)
		.map((b) => b.text)
		.join('\n')
		.trim();
}

/** A row as plain data (`Y.Text` becomes a string); undefined when it cannot be read. */
function rowJSON(row: Row): Record<string, unknown> | undefined {
	try {
		const json: unknown = row.toJSON();
		return typeof json === 'object' && json !== null && !Array.isArray(json)
			? (json as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/** The readable rows of a block as plain data, in document order, and the positions of the others. */
export function safeBlockJSON(
	doc: Y.Doc,
	key: BlockKey
): { rows: Record<string, unknown>[]; bad: number[] } {
	const rows: Record<string, unknown>[] = [];
	const bad: number[] = [];
	blockRows(doc, key)
		.toArray()
		.forEach((value: unknown, index) => {
			const json = isRow(value) ? rowJSON(value) : undefined;
			if (json) rows.push(json);
			else bad.push(index + 1);
		});
	return { rows, bad };
}

/** Rows of a block as plain data (`Y.Text` becomes a string), in document order; bad rows left out. */
export function blockJSON(doc: Y.Doc, key: BlockKey): Record<string, unknown>[] {
	return safeBlockJSON(doc, key).rows;
}

/** The section as plain data for the conformance rules. */
export function readSectionData(doc: Y.Doc, template: SectionTemplate): SectionData {
	const items: Record<string, string> = {};
	for (const item of template.items) {
		if (item.fill.kind === 'prose')
			items[item.id] = fragmentText(doc.getXmlFragment(itemFragmentName(item.id)));
	}
	const data: Partial<Record<BlockKey, unknown[]>> = {};
	const badRows: Partial<Record<BlockKey, number[]>> = {};
	for (const key of template.structured) {
		const { rows, bad } = safeBlockJSON(doc, key);
		data[key] = rows;
		if (bad.length > 0) badRows[key] = bad;
	}
	const out: SectionData = { body: fragmentText(doc.getXmlFragment(BODY_FRAGMENT)), items, data };
	if (Object.keys(badRows).length > 0) out.badRows = badRows;
	return out;
}

/** A row of another section that a reference field may point at. */
export interface ReferenceOption {
	id: string;
	label: string;
}

/** A key project's years (9.1), for 9.3's Gantt. */
export interface ProjectSpan {
	id: string;
	name: string;
	startYear: number | null;
	endYear: number | null;
}

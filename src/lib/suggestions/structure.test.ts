import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { addColumnAfter, addRowAfter } from 'prosemirror-tables';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { schema } from '../editor/schema.ts';
import { baseKey, rejectAll, suggestionIdsIn } from './base.ts';
import { suggestionsIn } from './list.ts';
import { decideStructure, structuresIn, STRUCTURE_ATTR } from './structure.ts';
import {
	figureDeletion,
	suggestAddColumn,
	suggestAddRow,
	suggestDeleteColumns,
	suggestDeleteRows,
	suggestDeleteTable,
	suggestInsertTable,
	suggestWrapInList,
	type StructureAuthor
} from './structure-commands.ts';
import {
	refusedWhileSuggesting,
	setSuggesting,
	suggestingDispatch,
	type RefusalReason
} from './editor.ts';
import { suggestChanges } from '@handlewithcare/prosemirror-suggest-changes';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { sinkListItem, splitListItem } from 'prosemirror-schema-list';
import type { EditorView } from 'prosemirror-view';
import { listEnter } from '../editor/plugins.ts';

const ID = 's1:7:2:1700000000000:row';
const author: StructureAuthor = { newId: () => ID, userId: 7 };

const cell = (text: string) =>
	schema.node('table_cell', null, [
		schema.node('paragraph', null, text ? [schema.text(text)] : [])
	]);
const row = (...texts: string[]) => schema.node('table_row', null, texts.map(cell));

const tableDoc = schema.node('doc', null, [
	schema.node('paragraph', null, [schema.text('建设内容如下表')]),
	schema.node('table', null, [row('项目', '投资'), row('政务云', '300')])
]);

const listDoc = schema.node('doc', null, [
	schema.node('paragraph', null, [schema.text('统一身份认证')]),
	schema.node('paragraph', null, [schema.text('电子证照共享')])
]);

/** Runs a command with the cursor in the text `at` (the first occurrence). */
function run(command: Command, doc: PMNode, at: string, to?: string): PMNode {
	let from = -1;
	let end = -1;
	doc.descendants((node, pos) => {
		if (node.isText && node.text?.includes(at) && from < 0)
			from = pos + (node.text.indexOf(at) ?? 0);
		if (to && node.isText && node.text?.includes(to)) end = pos + node.text.indexOf(to) + to.length;
		return true;
	});
	const state = EditorState.create({
		schema,
		doc,
		selection: TextSelection.create(doc, from + 1, end > 0 ? end : from + 1)
	});
	let next: PMNode | null = null;
	if (!command(state, (tr) => (next = tr.doc))) throw new Error('command refused');
	if (!next) throw new Error('no transaction');
	return next;
}

function decide(doc: PMNode, accept: boolean, id = ID): PMNode {
	const tr = new Transform(doc);
	expect(decideStructure(tr, accept, id)).toBe(true);
	return tr.doc;
}

const rows = (doc: PMNode) => {
	const texts: string[] = [];
	doc.descendants((node) => {
		if (node.type.name === 'table_row') texts.push(node.textContent);
		return true;
	});
	return texts;
};

describe('structural suggestions', () => {
	it('a suggested row is added at once, listed, leaves the base, and is kept or removed', () => {
		const next = run(suggestAddRow(author), tableDoc, '政务云');
		expect(rows(next)).toEqual(['项目投资', '政务云300', '']);
		expect(structuresIn(next).map((s) => s.suggestion)).toEqual([{ kind: 'insert', id: ID }]);
		expect(baseKey(next)).toBe(baseKey(tableDoc));
		expect(suggestionIdsIn(next).has(ID)).toBe(true);
		const [entry] = suggestionsIn(next, 'body');
		expect(entry).toMatchObject({ id: ID, structure: true, author: { userId: 7 } });
		expect(entry.format?.change).toBe('结构：插入表格行');
		expect(rows(decide(next, true))).toEqual(['项目投资', '政务云300', '']);
		expect(structuresIn(decide(next, true))).toEqual([]);
		expect(decide(next, false).eq(tableDoc)).toBe(true);
	});

	it('a row suggested for deletion stays, struck, until accepted', () => {
		const next = run(suggestDeleteRows(author), tableDoc, '政务云');
		expect(rows(next)).toEqual(['项目投资', '政务云300']);
		expect(baseKey(next)).toBe(baseKey(tableDoc));
		expect(suggestionsIn(next, 'body')[0].format?.change).toBe('结构：删除表格行');
		expect(rows(decide(next, true))).toEqual(['项目投资']);
		expect(decide(next, false).eq(tableDoc)).toBe(true);
	});

	it('deleting one’s own suggested row removes it', () => {
		const added = run(suggestAddRow(author), tableDoc, '政务云');
		let pos = -1;
		added.descendants((node, p) => {
			if (node.type.name === 'table_row' && node.textContent === '') pos = p;
			return true;
		});
		const state = EditorState.create({
			schema,
			doc: added,
			selection: TextSelection.create(added, pos + 3)
		});
		let next: PMNode | null = null;
		suggestDeleteRows(author)(state, (tr) => (next = tr.doc));
		expect(next && (next as PMNode).eq(tableDoc)).toBe(true);
	});

	it('a suggested column: every cell carries it; one entry; reject removes the column', () => {
		const next = run(suggestAddColumn(author), tableDoc, '项目');
		expect(structuresIn(next)).toHaveLength(2);
		expect(suggestionsIn(next, 'body')).toHaveLength(1);
		expect(suggestionsIn(next, 'body')[0].format?.change).toBe('结构：插入表格列');
		expect(baseKey(next)).toBe(baseKey(tableDoc));
		expect(decide(next, false).eq(tableDoc)).toBe(true);
		const kept = decide(next, true);
		expect(structuresIn(kept)).toEqual([]);
		expect(kept.child(1).child(0).childCount).toBe(3);
	});

	it('a column suggested for deletion goes on accept', () => {
		const next = run(suggestDeleteColumns(author), tableDoc, '投资');
		expect(baseKey(next)).toBe(baseKey(tableDoc));
		expect(rows(decide(next, true))).toEqual(['项目', '政务云']);
		expect(decide(next, false).eq(tableDoc)).toBe(true);
	});

	it('paragraphs wrapped into a list: reject lifts them back, accept keeps the list', () => {
		const next = run(
			suggestWrapInList(schema.nodes.bullet_list, author),
			listDoc,
			'统一',
			'电子证照共享'
		);
		expect(next.firstChild?.type.name).toBe('bullet_list');
		expect(next.firstChild?.childCount).toBe(2);
		expect(next.firstChild?.attrs[STRUCTURE_ATTR]).toBe(`wrap ${ID}`);
		expect(baseKey(next)).toBe(baseKey(listDoc));
		expect(suggestionsIn(next, 'body')[0].format?.change).toBe('结构：转为项目符号列表');
		expect(decide(next, false).eq(listDoc)).toBe(true);
		const kept = decide(next, true);
		expect(kept.firstChild?.type.name).toBe('bullet_list');
		expect(kept.firstChild?.attrs[STRUCTURE_ATTR]).toBeNull();
	});

	it('a suggested picture is removed by reject, one suggested for deletion by accept', () => {
		const figure = (kind: string | null) =>
			schema.node('figure', {
				id: 'f1',
				src: 'a'.repeat(64),
				caption: '总体架构',
				[STRUCTURE_ATTR]: kind ? `${kind} ${ID}` : null
			});
		const plain = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('正文')])]);
		const inserted = schema.node('doc', null, [plain.child(0), figure('insert')]);
		expect(baseKey(inserted)).toBe(baseKey(plain));
		expect(suggestionsIn(inserted, 'body')[0].format).toEqual({
			change: '结构：插入图片',
			words: '总体架构'
		});
		expect(decide(inserted, false).eq(plain)).toBe(true);
		const kept = schema.node('doc', null, [plain.child(0), figure(null)]);
		const deleted = schema.node('doc', null, [plain.child(0), figure('delete')]);
		expect(baseKey(deleted)).toBe(baseKey(kept));
		expect(decide(deleted, true).eq(plain)).toBe(true);
		expect(decide(deleted, false).eq(kept)).toBe(true);
	});

	it('a direct structural change, or a malformed or misplaced suggestion, changes the base', () => {
		const direct = run(addRowAfter, tableDoc, '政务云');
		expect(baseKey(direct)).not.toBe(baseKey(tableDoc));
		const column = run(addColumnAfter, tableDoc, '政务云');
		expect(baseKey(column)).not.toBe(baseKey(tableDoc));
		const wrong = run(suggestAddRow(author), tableDoc, '政务云');
		const tr = new Transform(wrong);
		structuresIn(wrong).forEach(({ pos }) =>
			tr.setNodeAttribute(pos, STRUCTURE_ATTR, `wrap ${ID}`)
		);
		expect(baseKey(tr.doc)).not.toBe(baseKey(tableDoc));
		const bad = new Transform(wrong);
		structuresIn(wrong).forEach(({ pos }) => bad.setNodeAttribute(pos, STRUCTURE_ATTR, 'insert'));
		expect(baseKey(bad.doc)).not.toBe(baseKey(tableDoc));
	});

	it('the last row of a table rejected takes the table with it', () => {
		const only = schema.node('doc', null, [
			schema.node('paragraph', null, [schema.text('前文')]),
			schema.node('table', null, [
				schema.node('table_row', { [STRUCTURE_ATTR]: `insert ${ID}` }, [cell('新')])
			])
		]);
		expect(rejectAll(only).childCount).toBe(1);
	});

	it('Delete on a picture while suggesting marks it; on one’s own suggested picture removes it', () => {
		const figure = (suggestion: string | null) =>
			schema.node('figure', { id: 'f1', src: 'a'.repeat(64), [STRUCTURE_ATTR]: suggestion });
		const text = schema.node('paragraph', null, [schema.text('正文')]);
		const remove = (doc: PMNode) => {
			const state = EditorState.create({ schema, doc });
			const pos = text.nodeSize;
			return figureDeletion(state, state.tr.delete(pos, pos + 1), author)?.doc ?? null;
		};
		const marked = remove(schema.node('doc', null, [text, figure(null)]));
		expect(marked?.child(1).attrs[STRUCTURE_ATTR]).toBe(`delete ${ID}`);
		expect(remove(schema.node('doc', null, [text, figure(`insert ${ID}`)]))?.childCount).toBe(1);
		// Another's suggested picture waits for the owners.
		expect(remove(schema.node('doc', null, [text, figure('insert s1:8:2:1:x')]))).toBeNull();
	});

	it('a suggested table goes in after the paragraph, splits nothing, and is kept or removed', () => {
		const next = run(suggestInsertTable(2, 2, author), listDoc, '统一');
		expect(next.childCount).toBe(3);
		expect(next.child(0).eq(listDoc.child(0))).toBe(true);
		expect(next.child(1).type.name).toBe('table');
		expect(next.child(1).attrs[STRUCTURE_ATTR]).toBe(`insert ${ID}`);
		expect(baseKey(next)).toBe(baseKey(listDoc));
		expect(suggestionsIn(next, 'body')[0].format?.change).toBe('结构：插入表格');
		expect(decide(next, false).eq(listDoc)).toBe(true);
		const kept = decide(next, true);
		expect(kept.child(1).type.name).toBe('table');
		expect(structuresIn(kept)).toEqual([]);
		// In one's own suggested table, rows change directly: rejecting the table takes them too.
		let cellPos = -1;
		next.descendants((node, pos) => {
			if (node.type.name === 'table_cell' && cellPos < 0) cellPos = pos;
			return true;
		});
		const state = EditorState.create({
			schema,
			doc: next,
			selection: TextSelection.create(next, cellPos + 2)
		});
		let grown: PMNode | null = null;
		suggestAddRow(author)(state, (tr) => (grown = tr.doc));
		expect(rows(grown!)).toHaveLength(3);
		expect(structuresIn(grown!)).toHaveLength(1);
		expect(baseKey(grown!)).toBe(baseKey(listDoc));
	});

	it('a table suggested for deletion stays until accepted; one’s own suggested table just goes', () => {
		const next = run(suggestDeleteTable(author), tableDoc, '政务云');
		expect(next.child(1).attrs[STRUCTURE_ATTR]).toBe(`delete ${ID}`);
		expect(baseKey(next)).toBe(baseKey(tableDoc));
		expect(suggestionsIn(next, 'body')[0].format?.change).toBe('结构：删除表格');
		expect(decide(next, true).childCount).toBe(1);
		expect(decide(next, false).eq(tableDoc)).toBe(true);
		const own = run(suggestInsertTable(2, 2, author), listDoc, '统一');
		let cellPos = -1;
		own.descendants((node, pos) => {
			if (node.type.name === 'table_header' && cellPos < 0) cellPos = pos;
			return true;
		});
		const state = EditorState.create({
			schema,
			doc: own,
			selection: TextSelection.create(own, cellPos + 2)
		});
		let removed: PMNode | null = null;
		suggestDeleteTable(author)(state, (tr) => (removed = tr.doc));
		expect(removed!.eq(listDoc)).toBe(true);
	});

	it('a list level change (Tab, Ctrl+]) is refused while suggesting, made when not', () => {
		const list = schema.node('doc', null, [
			schema.node('bullet_list', null, [
				schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('一')])]),
				schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('二')])])
			])
		]);
		const sink = refusedWhileSuggesting(sinkListItem(schema.nodes.list_item), 'list-level');
		const at = (suggesting: boolean) => {
			const state = EditorState.create({
				schema,
				doc: list,
				plugins: [suggestChanges()],
				selection: TextSelection.create(list, list.content.size - 3)
			});
			return suggesting ? state.apply(setSuggesting(state, true)) : state;
		};
		const refused: { docChanged: boolean; meta: unknown }[] = [];
		expect(
			sink(at(true), (tr) =>
				refused.push({ docChanged: tr.docChanged, meta: tr.getMeta('lantu-suggest-refused') })
			)
		).toBe(true);
		expect(refused).toEqual([{ docChanged: false, meta: 'list-level' }]);
		let sunk: PMNode | null = null;
		expect(sink(at(false), (tr) => (sunk = tr.doc))).toBe(true);
		expect(sunk!.firstChild!.childCount).toBe(1);
	});

	it('Enter in an empty list item and Backspace at an item start are refused as list changes while suggesting', () => {
		const item = (text: string) =>
			schema.node('list_item', null, [
				schema.node('paragraph', null, text ? [schema.text(text)] : [])
			]);
		const list = schema.node('doc', null, [
			schema.node('bullet_list', null, [item('一'), item('二'), item('')])
		]);
		/** Runs `command` at `pos` through the editor's 修订 dispatch; what it dispatched or why not. */
		const press = (command: Command, pos: number) => pressIn(list, command, pos);
		const pressIn = (doc: PMNode, command: Command, pos: number) => {
			let state = EditorState.create({
				schema,
				doc,
				plugins: [suggestChanges()],
				selection: TextSelection.create(doc, pos)
			});
			state = state.apply(setSuggesting(state, true));
			const refused: RefusalReason[] = [];
			let applied = false;
			const view = { state } as EditorView;
			const dispatch = suggestingDispatch({
				dispatch: () => (applied = true),
				author: () => ({ userId: 7, organizationId: 2 }),
				onRefused: (why) => refused.push(why),
				suggestOnly: () => true
			});
			command(state, (tr) => dispatch.call(view, tr));
			return { refused, applied };
		};
		// The empty third item: Enter (the editor's keymap, then the base one) would take it out.
		const enter = chainCommands(splitListItem(schema.nodes.list_item), baseKeymap.Enter);
		const empty = list.content.size - 3;
		expect(press(enter, empty)).toEqual({
			refused: ['list-item'],
			applied: false
		});
		// The start of the second item: Backspace would join it to the first.
		const second = 8;
		expect(list.resolve(second).parent.textContent).toBe('二');
		expect(list.resolve(second).parentOffset).toBe(0);
		expect(press(baseKeymap.Backspace, second)).toEqual({ refused: ['list-item'], applied: false });
		// An item holding only a suggested break's anchor looks empty: Enter there is refused too,
		// instead of splitting off another empty-looking item.
		const anchored = schema.node('doc', null, [
			schema.node('bullet_list', null, [item('一'), item('\u200B')])
		]);
		expect(
			pressIn(anchored, chainCommands(listEnter, baseKeymap.Enter), anchored.content.size - 3)
		).toEqual({ refused: ['list-item'], applied: false });
		// Typing in an item is still a suggestion, not a refusal.
		const typing: Command = (state, dispatch) => {
			dispatch?.(state.tr.insertText('三'));
			return true;
		};
		expect(press(typing, second)).toEqual({ refused: [], applied: true });
	});
});

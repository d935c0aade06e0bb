import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { addRowAfter } from 'prosemirror-tables';
import { describe, expect, it } from 'vitest';
import {
	prosemirrorToYXmlFragment,
	updateYFragment,
	yXmlFragmentToProseMirrorRootNode
} from 'y-prosemirror';
import * as Y from 'yjs';
import { schema } from '../../editor/schema.ts';
import { suggestionId } from '../../suggestions/ids.ts';
import { STRUCTURE_ATTR, structuresIn } from '../../suggestions/structure.ts';
import {
	suggestAddColumn,
	suggestAddRow,
	suggestDeleteRows,
	suggestWrapInList,
	type StructureAuthor
} from '../../suggestions/structure-commands.ts';
import { findSuggestViolation } from './suggest-guard.ts';

const cell = (text: string) =>
	schema.node('table_cell', null, [schema.node('paragraph', null, [schema.text(text)])]);

function section(): Y.Doc {
	const doc = new Y.Doc();
	const pm = schema.node('doc', null, [
		schema.node('paragraph', null, [schema.text('统一身份认证')]),
		schema.node('table', null, [
			schema.node('table_row', null, [cell('项目'), cell('投资')]),
			schema.node('table_row', null, [cell('政务云'), cell('300')])
		])
	]);
	prosemirrorToYXmlFragment(pm, doc.getXmlFragment('body'));
	return doc;
}

const author = (userId: number): StructureAuthor => ({
	newId: () => suggestionId({ userId, organizationId: 2, at: Date.now() }),
	userId
});

/** A client's update after running `command` with the cursor at `at`, synced as y-prosemirror does. */
function update(server: Y.Doc, command: Command, at: number, edit?: (doc: PMNode) => PMNode) {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(client);
	const fragment = client.getXmlFragment('body');
	const doc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
	const state = EditorState.create({ schema, doc, selection: TextSelection.create(doc, at) });
	let next: PMNode | null = null;
	if (!command(state, (tr) => (next = tr.doc))) throw new Error('command refused');
	const result = edit ? edit(next as unknown as PMNode) : (next as unknown as PMNode);
	client.transact(() =>
		updateYFragment(client, fragment, result, { mapping: new Map(), isOMark: new Map() })
	);
	return Y.encodeStateAsUpdate(client, before);
}

// Positions: the paragraph's text starts at 1; the second row's first cell text at 28.
const IN_PARAGRAPH = 2;
const IN_TABLE = 28;

describe('findSuggestViolation with structural suggestions', () => {
	it('accepts a row, a column, a row deletion and a list wrap in the author’s name', () => {
		const commands: [Command, number][] = [
			[suggestAddRow(author(7)), IN_TABLE],
			[suggestAddColumn(author(7)), IN_TABLE],
			[suggestDeleteRows(author(7)), IN_TABLE],
			[suggestWrapInList(schema.nodes.bullet_list, author(7)), IN_PARAGRAPH]
		];
		for (const [command, at] of commands) {
			const server = section();
			const change = update(server, command, at);
			expect(findSuggestViolation(server, change, 7)).toBeNull();
			// And the server's copy then holds the suggestion.
			Y.applyUpdate(server, change);
			const pm = yXmlFragmentToProseMirrorRootNode(server.getXmlFragment('body'), schema);
			expect(structuresIn(pm).length).toBeGreaterThan(0);
		}
	});

	it('refuses the same in another user’s name, and a row added directly', () => {
		const server = section();
		expect(
			findSuggestViolation(server, update(server, suggestAddRow(author(8)), IN_TABLE), 7)
		).toMatch(/not attributed/);
		expect(findSuggestViolation(server, update(server, addRowAfter, IN_TABLE), 7)).toMatch(
			/outside suggestion marks/
		);
	});

	it('refuses accepting someone’s suggested row (clearing its attribute) from a suggester', () => {
		const server = section();
		Y.applyUpdate(server, update(server, suggestAddRow(author(8)), IN_TABLE));
		const accept: Command = (state, dispatch) => {
			const [found] = structuresIn(state.doc);
			dispatch?.(state.tr.setNodeAttribute(found.pos, STRUCTURE_ATTR, null));
			return true;
		};
		expect(findSuggestViolation(server, update(server, accept, IN_TABLE), 7)).toMatch(
			/outside suggestion marks/
		);
	});
});

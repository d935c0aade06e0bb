import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { schema } from '../../editor/schema.ts';
import { suggestionId } from '../../suggestions/ids.ts';
import { findSuggestViolation } from './suggest-guard.ts';

const AUTHOR = { userId: 7, organizationId: 2 };

function section(...paragraphs: string[]): Y.Doc {
	const doc = new Y.Doc();
	const pm = schema.node(
		'doc',
		null,
		paragraphs.map((p) => schema.node('paragraph', null, p ? [schema.text(p)] : []))
	);
	prosemirrorToYXmlFragment(pm, doc.getXmlFragment('body'));
	return doc;
}

/** What a client sends after an edit to its copy of the server's document. */
function clientUpdate(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(client);
	edit(client);
	return Y.encodeStateAsUpdate(client, before);
}

/** A ProseMirror edit as the editor makes it: through the library when suggesting. */
function pmEdit(make: (state: EditorState) => Transaction, suggesting: boolean, userId = 7) {
	return (doc: Y.Doc) => {
		const fragment = doc.getXmlFragment('body');
		const state = EditorState.create({
			schema,
			doc: yXmlFragmentToProseMirrorRootNode(fragment, schema)
		});
		const tr = make(state);
		const result: PMNode = suggesting
			? transformToSuggestionTransaction(tr, state, () =>
					suggestionId({ ...AUTHOR, userId, at: Date.now() })
				).doc
			: tr.doc;
		doc.transact(() => {
			fragment.delete(0, fragment.length);
			prosemirrorToYXmlFragment(result, fragment);
		});
	};
}

describe('findSuggestViolation', () => {
	it('accepts insertions, deletions and paragraph breaks made as suggestions', () => {
		const edits: ((s: EditorState) => Transaction)[] = [
			(s) => s.tr.insertText('（补充）', 3),
			(s) => s.tr.delete(2, 5),
			(s) => s.tr.split(4),
			(s) => s.tr.delete(s.doc.child(0).nodeSize - 1, s.doc.child(0).nodeSize + 1) // join
		];
		for (const edit of edits) {
			const server = section('示例市智慧城市', '总体架构');
			expect(findSuggestViolation(server, clientUpdate(server, pmEdit(edit, true)), 7)).toBeNull();
		}
	});

	it('refuses the same edits made directly', () => {
		const edits: ((s: EditorState) => Transaction)[] = [
			(s) => s.tr.insertText('（补充）', 3),
			(s) => s.tr.delete(2, 5),
			(s) => s.tr.split(4),
			(s) => s.tr.setNodeMarkup(0, schema.nodes.heading, { level: 2 })
		];
		for (const edit of edits) {
			const server = section('示例市智慧城市', '总体架构');
			expect(findSuggestViolation(server, clientUpdate(server, pmEdit(edit, false)), 7)).toMatch(
				/outside suggestion marks/
			);
		}
	});

	it('refuses suggestions in another user’s name, and changes outside the prose', () => {
		const server = section('示例市智慧城市');
		const spoofed = clientUpdate(
			server,
			pmEdit((s) => s.tr.insertText('冒名', 2), true, 8)
		);
		expect(findSuggestViolation(server, spoofed, 7)).toMatch(/not attributed/);
		const block = clientUpdate(server, (d) => d.getArray('block:systems').push([new Y.Map()]));
		expect(findSuggestViolation(server, block, 7)).toMatch(/takes no suggestions/);
	});

	it('leaves the document it checks unchanged', () => {
		const server = section('示例市智慧城市');
		const before = Y.encodeStateAsUpdate(server);
		findSuggestViolation(
			server,
			clientUpdate(
				server,
				pmEdit((s) => s.tr.insertText('x', 2), false)
			),
			7
		);
		expect(Y.encodeStateAsUpdate(server)).toEqual(before);
	});
});

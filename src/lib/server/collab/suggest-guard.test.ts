import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { schema } from '../../editor/schema.ts';
import { trackFormatting } from '../../suggestions/format.ts';
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
		// As the editor does (suggestions/editor.ts): formatting and paragraph styles by Lantu's
		// own tracking, everything else by the library.
		const id = () => suggestionId({ ...AUTHOR, userId, at: Date.now() });
		const result: PMNode = suggesting
			? (trackFormatting(state, tr, id()) ?? transformToSuggestionTransaction(tr, state, id)).doc
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

	it('accepts formatting and paragraph styles made as suggestions', () => {
		const bold = (s: EditorState) => s.tr.addMark(2, 6, schema.marks.strong.create());
		const edits: ((s: EditorState) => Transaction)[] = [
			bold,
			(s) => s.tr.addMark(3, 5, schema.marks.link.create({ href: 'https://example.org/' })),
			(s) => s.tr.setNodeMarkup(0, schema.nodes.heading, { level: 2 }),
			(s) => s.tr.setBlockType(1, 12, schema.nodes.heading, { level: 3 })
		];
		for (const edit of edits) {
			const server = section('示例市智慧城市', '总体架构');
			expect(findSuggestViolation(server, clientUpdate(server, pmEdit(edit, true)), 7)).toBeNull();
		}
		// Taking bold off words that had it, as a suggestion.
		const server = section('示例市智慧城市');
		Y.applyUpdate(server, clientUpdate(server, pmEdit(bold, false)));
		const unbold = pmEdit((s) => s.tr.removeMark(1, 8, schema.marks.strong), true);
		expect(findSuggestViolation(server, clientUpdate(server, unbold), 7)).toBeNull();
	});

	it('refuses formatting and styles made directly, a forged previous format, and lists', () => {
		const edits: ((s: EditorState) => Transaction)[] = [
			(s) => s.tr.addMark(2, 6, schema.marks.em.create()),
			(s) => s.tr.setNodeMarkup(0, schema.nodes.heading, { level: 2 }),
			// Bold added while the mark claims the words were bold already: rejecting keeps it.
			(s) =>
				s.tr.addMark(2, 6, schema.marks.strong.create()).addMark(
					2,
					6,
					schema.marks.format_change.create({
						id: suggestionId({ ...AUTHOR, at: 1 }),
						change: { mark: 'strong', previous: { type: 'strong' }, next: { type: 'strong' } }
					})
				)
		];
		for (const edit of edits) {
			const server = section('示例市智慧城市', '总体架构');
			expect(findSuggestViolation(server, clientUpdate(server, pmEdit(edit, false)), 7)).toMatch(
				/outside suggestion marks/
			);
		}
		// A list wrap is no suggestion the library can express: it changes the base.
		const server = section('示例市智慧城市', '总体架构');
		const wrap = pmEdit((s) => {
			const range = s.doc.resolve(1).blockRange(s.doc.resolve(3))!;
			return s.tr.wrap(range, [
				{ type: schema.nodes.bullet_list },
				{ type: schema.nodes.list_item }
			]);
		}, true);
		expect(findSuggestViolation(server, clientUpdate(server, wrap), 7)).toMatch(
			/outside suggestion marks/
		);
	});

	it('refuses a format change in another user’s name', () => {
		const server = section('示例市智慧城市');
		const spoofed = pmEdit((s) => s.tr.addMark(2, 6, schema.marks.strong.create()), true, 8);
		expect(findSuggestViolation(server, clientUpdate(server, spoofed), 7)).toMatch(
			/not attributed/
		);
	});

	it('refuses taking out another author’s suggestion; lets a suggester withdraw their own', () => {
		const server = section('示例市智慧城市');
		const text = server.getXmlFragment('body').get(0) as Y.XmlElement;
		const byOther = suggestionId({ userId: 8, organizationId: 3, at: Date.now() });
		const mine = suggestionId({ ...AUTHOR, at: Date.now() });
		(text.get(0) as Y.XmlText).insert(2, '新型', { insertion: { id: byOther } });
		(text.get(0) as Y.XmlText).insert(0, '我的', { insertion: { id: mine } });
		const remove = (from: number, length: number) =>
			clientUpdate(server, (d) => {
				const paragraph = d.getXmlFragment('body').get(0) as Y.XmlElement;
				(paragraph.get(0) as Y.XmlText).delete(from, length);
			});
		// Rejecting 8's insertion (its words gone) is the owners' decision, not a suggester's.
		expect(findSuggestViolation(server, remove(4, 2), 7)).toMatch(/another author/);
		expect(findSuggestViolation(server, remove(0, 2), 7)).toBeNull();
		// The library itself, suggesting, deletes another author's inserted words outright: the
		// editor keeps that back (otherAuthorsTakenOut, editor.ts) and the guard refuses it.
		const libraryDelete = pmEdit((s) => s.tr.delete(5, 7), true);
		expect(findSuggestViolation(server, clientUpdate(server, libraryDelete), 7)).toMatch(
			/another author/
		);
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

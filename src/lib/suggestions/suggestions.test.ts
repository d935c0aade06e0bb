import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { schema } from '../editor/schema.ts';
import { baseKey, rejectAll, suggestionIdsIn } from './base.ts';
import { parseSuggestionId, suggestionId } from './ids.ts';
import { suggestionsIn } from './list.ts';

const doc = schema.node('doc', null, [
	schema.node('paragraph', null, [schema.text('安全体系按照同步规划')]),
	schema.node('paragraph', null, [schema.text('覆盖技术和管理')])
]);

describe('suggestion ids', () => {
	it('carry author, department and time, and an imported author’s name', () => {
		const id = suggestionId({ userId: 12, organizationId: 3, at: 1_765_000_000_000 });
		expect(parseSuggestionId(id)).toEqual({ userId: 12, organizationId: 3, at: 1_765_000_000_000 });
		expect(id).not.toBe(suggestionId({ userId: 12, organizationId: 3, at: 1_765_000_000_000 }));
		const imported = suggestionId({ userId: 0, organizationId: 0, at: 1, name: '张三:审校' });
		expect(parseSuggestionId(imported)?.name).toBe('张三:审校');
	});

	it('are not invented for ids Lantu did not write', () => {
		for (const id of [1, 's1:x:1:1:abc', 's1:1:1:1', 's2:1:1:1:abc', 's1:1:1:1:a b', null])
			expect(parseSuggestionId(id)).toBeNull();
	});
});

describe('the base of a document', () => {
	function suggest(make: (s: EditorState) => ReturnType<EditorState['tr']['insertText']>) {
		const state = EditorState.create({ schema, doc });
		let n = 0;
		return transformToSuggestionTransaction(make(state), state, () => `s1:7:2:1:n${++n}`).doc;
	}

	it('is unchanged by insertions, deletions, splits and joins made as suggestions', () => {
		for (const next of [
			suggest((s) => s.tr.insertText('（补充）', 3)),
			suggest((s) => s.tr.delete(2, 6)),
			suggest((s) => s.tr.split(5)),
			suggest((s) => s.tr.delete(doc.child(0).nodeSize - 1, doc.child(0).nodeSize + 1))
		]) {
			expect(baseKey(next)).toBe(baseKey(doc));
			expect(suggestionIdsIn(next).size).toBeGreaterThan(0);
		}
	});

	it('changes with a direct edit', () => {
		expect(baseKey(doc.replace(2, 2, doc.slice(3, 5)))).not.toBe(baseKey(doc));
	});

	it('is the text with every suggestion rejected', () => {
		const next = suggest((s) => s.tr.insertText('新增', 3));
		expect(rejectAll(next).eq(doc)).toBe(true);
	});
});

describe('the side list', () => {
	it('groups a suggestion’s inserted and deleted words under its id', () => {
		const state = EditorState.create({ schema, doc });
		const id = 's1:7:2:1:abc';
		const tr = state.tr.insertText('新', 3);
		const next = transformToSuggestionTransaction(tr, state, () => id).doc;
		const state2 = EditorState.create({ schema, doc: next });
		const replaced = transformToSuggestionTransaction(
			state2.tr.delete(8, 10),
			state2,
			() => 's1:8:3:2:def'
		).doc;
		const list = suggestionsIn(replaced, 'body');
		expect(list.map((s) => [s.id, s.inserted, s.deleted])).toEqual([
			[id, '新', ''],
			['s1:8:3:2:def', '', '同步']
		]);
		expect(list[0].author?.userId).toBe(7);
	});
});

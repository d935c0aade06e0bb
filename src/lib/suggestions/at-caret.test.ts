import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { schema } from '../editor/schema.ts';
import { suggestionAtCaret } from './at-caret.ts';

const doc = schema.node('doc', null, [
	schema.node('paragraph', null, [schema.text('安全体系按照同步规划')]),
	schema.node('paragraph', null, [schema.text('覆盖技术和管理')])
]);

/** The document with 「（补充）」 suggested after 安全 (positions 3–7) as suggestion `s1:7:2:1:n1`. */
function suggested(): EditorState {
	const state = EditorState.create({ schema, doc });
	const tr = transformToSuggestionTransaction(
		state.tr.insertText('（补充）', 3),
		state,
		() => 's1:7:2:1:n1'
	);
	return state.apply(tr);
}

const caretAt = (state: EditorState, position: number) =>
	state.apply(state.tr.setSelection(TextSelection.create(state.doc, position)));

describe('the suggestion at the caret', () => {
	it('is the one whose words the caret stands in or touches', () => {
		const state = suggested();
		for (const position of [3, 5, 7])
			expect(suggestionAtCaret(caretAt(state, position))).toBe('s1:7:2:1:n1');
	});

	it('is none away from any suggestion', () => {
		const state = suggested();
		for (const position of [1, 2, 9, state.doc.content.size - 1])
			expect(suggestionAtCaret(caretAt(state, position))).toBeNull();
		expect(suggestionAtCaret(EditorState.create({ schema, doc }))).toBeNull();
	});
});

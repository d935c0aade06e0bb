import { Fragment, type Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { committedText, findByContext } from './composition.ts';
import { schema } from './schema.ts';

const p = (...content: (string | Node)[]) =>
	schema.node(
		'paragraph',
		null,
		content.filter((c) => c !== '').map((c) => (typeof c === 'string' ? schema.text(c) : c))
	);
const doc = (...paragraphs: Node[]) => schema.node('doc', null, paragraphs);
const bold = (text: string) => schema.text(text, [schema.marks.strong.create()]);

describe('committedText', () => {
	it('is the text a composition put at the caret', () => {
		const before = doc(p('本市坚持以人民为中心'));
		const after = doc(p('本市坚持以人民为智慧城市中心'));
		const text = committedText({ doc: before, from: 9, to: 9 }, after);
		expect(text?.textBetween(0, text.size)).toBe('智慧城市');
	});

	it('keeps the marks the text was typed with', () => {
		const before = doc(p('前文', bold('加粗'), '后文'));
		const after = doc(p('前文', bold('加智慧粗'), '后文'));
		const text = committedText({ doc: before, from: 4, to: 4 }, after);
		expect(text?.childCount).toBe(1);
		expect(text?.firstChild?.marks.map((m) => m.type.name)).toEqual(['strong']);
	});

	it('finds the word even when it starts like the text before the caret', () => {
		const before = doc(p('智慧'));
		const after = doc(p('智慧智慧城市'));
		const text = committedText({ doc: before, from: 3, to: 3 }, after);
		expect(text?.textBetween(0, text.size)).toBe('智慧城市');
	});

	it('replaces a selection', () => {
		const before = doc(p('甲乙丙丁'));
		const after = doc(p('甲城市丁'));
		const text = committedText({ doc: before, from: 2, to: 4 }, after);
		expect(text?.textBetween(0, text.size)).toBe('城市');
	});

	it('is empty when the composition was cancelled', () => {
		const before = doc(p('甲乙'));
		expect(committedText({ doc: before, from: 2, to: 2 }, doc(p('甲乙')))).toBe(Fragment.empty);
	});

	it('is null when the change is not text typed at the caret', () => {
		const before = doc(p('甲乙'), p('丙丁'));
		expect(committedText({ doc: before, from: 2, to: 2 }, doc(p('甲乙丙丁')))).toBeNull();
		expect(
			committedText({ doc: before, from: 2, to: 2 }, doc(p('甲城乙'), p('丙市丁')))
		).toBeNull();
	});
});

describe('findByContext', () => {
	it('finds the spot between the words around the caret, in whatever paragraph they now are', () => {
		const joined = doc(p('上一段落内容下一段落内容'));
		expect(findByContext(joined, '下一段', '落内容')).toBe(1 + '上一段落内容下一段'.length);
	});

	it('counts inline leaves as one character', () => {
		const withBreak = doc(p('甲', schema.nodes.hard_break.create(), '乙丙'));
		expect(findByContext(withBreak, '\ufffc乙', '丙')).toBe(4);
	});

	it('gives up when the words are gone or appear twice', () => {
		expect(findByContext(doc(p('甲乙')), '丙', '丁')).toBeNull();
		expect(findByContext(doc(p('甲乙'), p('甲乙')), '甲', '乙')).toBeNull();
		expect(findByContext(doc(p('甲乙')), '', '')).toBeNull();
	});
});

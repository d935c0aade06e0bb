import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { schema } from '../editor/schema.ts';
import { baseKey, rejectAll, suggestionIdsIn } from './base.ts';
import { decideFormat, trackFormatting } from './format.ts';
import { suggestionsIn } from './list.ts';

const doc = schema.node('doc', null, [
	schema.node('paragraph', null, [schema.text('安全体系按照同步规划')]),
	schema.node('paragraph', null, [schema.text('覆盖技术和管理')])
]);
const ID = 's1:7:2:1:fmt';

function track(make: (s: EditorState) => Transaction, from: PMNode = doc): PMNode {
	const state = EditorState.create({ schema, doc: from });
	const tr = trackFormatting(state, make(state), ID);
	if (!tr) throw new Error('not a formatting transaction');
	return tr.doc;
}

function decide(next: PMNode, accept: boolean): PMNode {
	const tr = new Transform(next);
	expect(decideFormat(tr, accept, ID)).toBe(true);
	return tr.doc;
}

const boldWords = (d: PMNode) => {
	let words = '';
	d.descendants((n) => {
		if (n.isText && schema.marks.strong.isInSet(n.marks)) words += n.text;
		return true;
	});
	return words;
};

describe('formatting suggestions', () => {
	it('show the new format at once, listed as 格式：加粗, and leave the base as it was', () => {
		const next = track((s) => s.tr.addMark(3, 7, schema.marks.strong.create()));
		expect(boldWords(next)).toBe('体系按照');
		expect(baseKey(next)).toBe(baseKey(doc));
		expect(rejectAll(next).eq(doc)).toBe(true);
		expect(suggestionIdsIn(next).has(ID)).toBe(true);
		const [entry] = suggestionsIn(next, 'body');
		expect(entry).toMatchObject({ id: ID, format: { change: '格式：加粗', words: '体系按照' } });
	});

	it('are accepted (the format stays) or rejected (the format goes)', () => {
		const next = track((s) => s.tr.addMark(3, 7, schema.marks.strong.create()));
		const accepted = decide(next, true);
		expect(boldWords(accepted)).toBe('体系按照');
		expect(suggestionIdsIn(accepted).size).toBe(0);
		expect(decide(next, false).eq(doc)).toBe(true);
	});

	it('take bold off, and undo themselves when the words are formatted back', () => {
		const bold = new Transform(doc).addMark(1, 11, schema.marks.strong.create()).doc;
		const off = track((s) => s.tr.removeMark(1, 11, schema.marks.strong), bold);
		expect(boldWords(off)).toBe('');
		expect(suggestionsIn(off, 'body')[0].format?.change).toBe('格式：取消加粗');
		expect(decide(off, false).eq(bold)).toBe(true);
		const back = track((s) => s.tr.addMark(1, 11, schema.marks.strong.create()), off);
		expect(back.eq(bold)).toBe(true);
	});

	it('track a paragraph turned heading, and its level, restoring the original on reject', () => {
		const heading = track((s) => s.tr.setBlockType(1, 5, schema.nodes.heading, { level: 2 }));
		expect(heading.child(0).type.name).toBe('heading');
		expect(suggestionsIn(heading, 'body')[0].format?.change).toBe('样式：正文 → 标题 2');
		const deeper = track((s) => s.tr.setNodeMarkup(0, schema.nodes.heading, { level: 3 }), heading);
		expect(suggestionsIn(deeper, 'body')[0].format?.change).toBe('样式：正文 → 标题 3');
		expect(baseKey(deeper)).toBe(baseKey(doc));
		expect(decide(deeper, false).eq(doc)).toBe(true);
		const accepted = decide(deeper, true);
		expect(accepted.child(0).attrs.level).toBe(3);
		expect(suggestionIdsIn(accepted).size).toBe(0);
	});

	it('leave other transactions to the library', () => {
		const state = EditorState.create({ schema, doc });
		expect(trackFormatting(state, state.tr.insertText('新', 3), ID)).toBeNull();
		const range = doc.resolve(1).blockRange(doc.resolve(3))!;
		const wrap = state.tr.wrap(range, [
			{ type: schema.nodes.bullet_list },
			{ type: schema.nodes.list_item }
		]);
		expect(trackFormatting(state, wrap, ID)).toBeNull();
	});
});

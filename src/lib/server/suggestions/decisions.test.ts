import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { observe, outcomeOf } from './decisions.ts';

/** A paragraph "建设数据平台数据中台体系": 数据平台 deleted and 数据中台 inserted by `id`. */
function setup() {
	const doc = new Y.Doc();
	const fragment = doc.getXmlFragment('body');
	const paragraph = new Y.XmlElement('paragraph');
	fragment.insert(0, [paragraph]);
	const text = new Y.XmlText();
	paragraph.insert(0, [text]);
	text.insert(0, '建设');
	text.insert(2, '数据平台', { deletion: { id: 's' } });
	text.insert(6, '数据中台', { insertion: { id: 's' } });
	text.insert(10, '体系', { insertion: { id: 'other' } });
	return { fragment, text };
}

describe('observing a decision on a suggestion', () => {
	it('sees it pending with its inserted words', () => {
		const { fragment } = setup();
		expect(observe(fragment, 's')?.inserted).toBe('数据中台');
		expect(observe(fragment, 'nope')).toBeNull();
	});

	it('tells accepted from the text, even when the diff kept the deleted word’s letters', () => {
		const { fragment, text } = setup();
		const seen = observe(fragment, 's')!;
		// As y-prosemirror writes an accept: a text diff (common prefix 建设数据) and marks reset.
		text.doc!.transact(() => {
			text.delete(4, 4); // 平台数据: part deleted, part inserted letters
			text.format(0, text.length - 2, { deletion: null, insertion: null });
		});
		expect(observe(fragment, 's')).toBeNull();
		expect(outcomeOf(seen, fragment)).toBe('accepted');
	});

	it('tells rejected, with another suggestion decided in the same edit', () => {
		const { fragment, text } = setup();
		const seen = observe(fragment, 's')!;
		text.doc!.transact(() => {
			text.delete(6, 6); // the inserted 数据中台 and the other suggestion's 体系 (全部拒绝)
			text.format(0, text.length, { deletion: null });
		});
		expect(outcomeOf(seen, fragment)).toBe('rejected');
	});

	it('says nothing when the paragraph went with the suggestion', () => {
		const { fragment, text } = setup();
		const seen = observe(fragment, 's')!;
		text.delete(0, text.length);
		expect(outcomeOf(seen, fragment)).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { schema } from '../editor/schema.ts';
import { createTextAnchor, resolveInFragment } from './anchor.ts';

function paragraph(text: string): Y.XmlElement {
	const element = new Y.XmlElement('paragraph');
	element.insert(0, [new Y.XmlText(text)]);
	return element;
}

/** Anchors the first occurrence of `words` in the fragment's current content. */
function anchorWords(type: Y.XmlFragment, words: string) {
	const { doc, mapping } = initProseMirrorDoc(type, schema);
	let from = -1;
	doc.descendants((node, pos) => {
		if (from >= 0 || !node.isText) return from < 0;
		const index = node.text!.indexOf(words);
		if (index >= 0) from = pos + index;
		return false;
	});
	expect(from).toBeGreaterThan(0);
	return createTextAnchor('body', type, doc, mapping, from, from + words.length);
}

function setup() {
	const doc = new Y.Doc();
	const body = doc.getXmlFragment('body');
	body.insert(0, [paragraph('全市只建一朵政务云、一张政务外网。'), paragraph('第二段。')]);
	return { doc, body };
}

describe('text anchors', () => {
	it('keep the quote and a little context', () => {
		const { body } = setup();
		const anchor = anchorWords(body, '一朵政务云');
		expect(anchor).toMatchObject({ fragment: 'body', quote: '一朵政务云', before: '全市只建' });
		expect(anchor.after.startsWith('、一张政务外网。')).toBe(true);
		expect(resolveInFragment(body, anchor)?.text).toBe('一朵政务云');
	});

	it('stay on the same words while text is inserted before, inside other paragraphs and at the edges', () => {
		const { doc, body } = setup();
		const anchor = anchorWords(body, '一朵政务云');
		const text = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
		text.insert(0, '坚持集约共享，');
		body.insert(0, [paragraph('新加的第一段。')]);
		expect(resolveInFragment(body, anchor)?.text).toBe('一朵政务云');
		// Typing right at either edge stays outside the range.
		const at = text.toString().indexOf('一朵政务云');
		text.insert(at + '一朵政务云'.length, '（统一）');
		text.insert(at, '仅');
		expect(resolveInFragment(body, anchor)?.text).toBe('一朵政务云');
		// The anchor also survives a round trip through another replica.
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(resolveInFragment(other.getXmlFragment('body'), anchor)?.text).toBe('一朵政务云');
	});

	it('follow edits inside the quoted words', () => {
		const { body } = setup();
		const anchor = anchorWords(body, '一朵政务云');
		const text = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
		text.insert(text.toString().indexOf('政务云'), '市级');
		expect(resolveInFragment(body, anchor)?.text).toBe('一朵市级政务云');
	});

	it('are orphaned when their words are deleted, and keep their quote', () => {
		const { body } = setup();
		const anchor = anchorWords(body, '一朵政务云');
		const text = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
		text.delete(text.toString().indexOf('一朵政务云'), '一朵政务云'.length);
		expect(resolveInFragment(body, anchor)).toBeNull();
		expect(anchor.quote).toBe('一朵政务云');
		// Deleting the whole paragraph orphans it as well.
		const second = anchorWords(body, '第二段');
		body.delete(1, 1);
		expect(resolveInFragment(body, second)).toBeNull();
	});

	it('refuse malformed positions without throwing', () => {
		const { body } = setup();
		expect(resolveInFragment(body, { start: '!!', end: 'AAAA' })).toBeNull();
	});
});

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { BODY_FRAGMENT } from '../../editor/fragments.ts';
import { schema } from '../../editor/schema.ts';
import { suggestionId } from '../../suggestions/ids.ts';
import { bodyState, draftInput } from '../../../../tests/helpers/export-input.ts';
import { renderFile, type StoredInput } from './render.ts';

/** A 6.1 body with one pending insertion (by 李明, user 7) and one deletion (by 王芳, from Word). */
function sectionState(): Uint8Array {
	const ins = schema.marks.insertion.create({
		id: suggestionId({ userId: 7, organizationId: 2, at: Date.parse('2026-12-01T08:30:00.000Z') })
	});
	const del = schema.marks.deletion.create({
		id: suggestionId({
			userId: 0,
			organizationId: 0,
			at: Date.parse('2026-12-02T09:00:00Z'),
			name: '王芳'
		})
	});
	const pm = schema.node('doc', null, [
		schema.node('paragraph', null, [
			schema.text('城市数据'),
			schema.text('统一', [ins]),
			schema.text('共享交换'),
			schema.text('平台', [del])
		]),
		schema.node('paragraph', null, [schema.text('第二段不变。')])
	]);
	return bodyState(pm);
}

function input(kind: 'draft' | 'version' = 'draft'): StoredInput {
	return draftInput([{ clause: '6.1', state: sectionState() }], {
		version: { kind, label: '草稿', hash: null, at: '2026-12-06T00:00:00Z' },
		people: { 7: { name: '李明', organization: '发改委' } }
	});
}

async function documentXml(stored: StoredInput, revisions: boolean): Promise<string> {
	const { body } = await renderFile(stored, 'docx', { edition: 'full', revisions });
	return strFromU8(unzipSync(body as Uint8Array)['word/document.xml']);
}

const attr = (xml: string, tag: string, name: string) =>
	[...xml.matchAll(new RegExp(`<${tag} [^>]*${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('DOCX with revisions (保留修订)', () => {
	it('writes each pending suggestion as a w:ins / w:del with its author and time', async () => {
		const xml = await documentXml(input(), true);
		expect(attr(xml, 'w:ins', 'w:author')).toEqual(['李明']);
		expect(attr(xml, 'w:del', 'w:author')).toEqual(['王芳']);
		expect(attr(xml, 'w:ins', 'w:date')).toEqual(['2026-12-01T08:30:00.000Z']);
		expect(attr(xml, 'w:del', 'w:date')).toEqual(['2026-12-02T09:00:00.000Z']);
		// The inserted words are ordinary text inside w:ins; the deleted ones are w:delText.
		expect(xml).toMatch(/<w:ins [^>]*>.*?<w:t[^>]*>统一<\/w:t>.*?<\/w:ins>/);
		expect(xml).toMatch(/<w:del [^>]*>.*?<w:delText[^>]*>平台<\/w:delText>.*?<\/w:del>/);
		// Revision ids are unique in the document, as Word requires.
		const ids = [...attr(xml, 'w:ins', 'w:id'), ...attr(xml, 'w:del', 'w:id')];
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('without 保留修订 prints the owners’ text: no insertion, the deletion as plain text', async () => {
		const xml = await documentXml(input(), false);
		expect(xml).not.toContain('<w:ins ');
		expect(xml).not.toContain('<w:del ');
		expect(xml).not.toContain('统一');
		expect(xml).toContain('平台');
	});

	it('keeps no revisions in a frozen version, even when asked', async () => {
		const xml = await documentXml(input('version'), true);
		expect(xml).not.toContain('<w:ins ');
		expect(xml).not.toContain('<w:del ');
	});
});

/** A 6.1 body with a suggested bold (by 李明) and a paragraph suggested as a heading (by 王芳). */
function formatState(): Uint8Array {
	const bold = schema.marks.format_change.create({
		id: suggestionId({ userId: 7, organizationId: 2, at: Date.parse('2026-12-03T10:00:00.000Z') }),
		change: { mark: 'strong', previous: null, next: { type: 'strong' } }
	});
	const style = schema.marks.format_change.create({
		id: suggestionId({
			userId: 0,
			organizationId: 0,
			at: Date.parse('2026-12-04T11:00:00.000Z'),
			name: '王芳'
		}),
		change: { block: { type: 'paragraph', attrs: {} } }
	});
	const pm = schema.node('doc', null, [
		schema.node('paragraph', null, [
			schema.text('建设'),
			schema.text('城市大脑', [schema.marks.strong.create(), bold]),
			schema.text('。')
		]),
		schema.node('heading', { level: 2 }, [schema.text('总体目标', [style])])
	]);
	const doc = new Y.Doc();
	prosemirrorToYXmlFragment(pm, doc.getXmlFragment(BODY_FRAGMENT));
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

describe('DOCX with format revisions (格式修订)', () => {
	const formatInput = (): StoredInput => ({
		...input(),
		sections: [{ clause: '6.1', state: formatState() }]
	});

	it('writes a suggested format as w:rPrChange and a suggested style as w:pPrChange', async () => {
		const xml = await documentXml(formatInput(), true);
		expect(attr(xml, 'w:rPrChange', 'w:author')).toEqual(['李明']);
		expect(attr(xml, 'w:rPrChange', 'w:date')).toEqual(['2026-12-03T10:00:00.000Z']);
		expect(attr(xml, 'w:pPrChange', 'w:author')).toEqual(['王芳']);
		expect(attr(xml, 'w:pPrChange', 'w:date')).toEqual(['2026-12-04T11:00:00.000Z']);
		// The run is bold now; the properties it had before (inside w:rPrChange) are not.
		const run = /<w:r>(?:(?!<\/w:r>).)*城市大脑<\/w:t><\/w:r>/.exec(xml)?.[0] ?? '';
		const change = /<w:rPrChange [^>]*>(.*?)<\/w:rPrChange>/.exec(run)?.[1] ?? '';
		expect(run.slice(0, run.indexOf('<w:rPrChange'))).toContain('<w:b/>');
		expect(change).toContain('<w:b w:val="false"/>');
		expect(change).not.toContain('<w:b/>');
		// The paragraph is a heading now; before, it was body text (no heading style).
		const para = /<w:p>(?:(?!<\/w:p>).)*总体目标<\/w:t>.*?<\/w:p>/.exec(xml)?.[0] ?? '';
		const before = /<w:pPrChange [^>]*>(.*?)<\/w:pPrChange>/.exec(para)?.[1] ?? '';
		expect(para).toMatch(/<w:pStyle w:val="Heading\d"\/>/);
		expect(before).toContain('<w:pPr>');
		expect(before).not.toContain('<w:pStyle');
		// Unique revision ids, none shared with another revision.
		const ids = [...attr(xml, 'w:rPrChange', 'w:id'), ...attr(xml, 'w:pPrChange', 'w:id')];
		expect(new Set(ids).size).toBe(2);
	});

	it('without 保留修订 prints the format and style the owners wrote', async () => {
		const xml = await documentXml(formatInput(), false);
		expect(xml).not.toContain('w:rPrChange');
		expect(xml).not.toContain('w:pPrChange');
		const run = /<w:r>(?:(?!<\/w:r>).)*城市大脑<\/w:t><\/w:r>/.exec(xml)?.[0] ?? '';
		expect(run).not.toContain('<w:b/>');
		const para = /<w:p>(?:(?!<\/w:p>).)*总体目标<\/w:t>.*?<\/w:p>/.exec(xml)?.[0] ?? '';
		expect(para).not.toContain('w:pStyle');
	});
});

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { schema } from '../../editor/schema.ts';
import { suggestionId } from '../../suggestions/ids.ts';
import { bodyState, draftInput } from '../../../../tests/helpers/export-input.ts';
import { renderFile } from './render.ts';

const ID = suggestionId({
	userId: 7,
	organizationId: 2,
	at: Date.parse('2026-12-01T08:30:00.000Z')
});

const cell = (text: string) =>
	schema.node('table_cell', null, [schema.node('paragraph', null, [schema.text(text)])]);

/**
 * A 6.1 body with a suggested row, a row suggested for deletion, a suggested table and a suggested
 * list (李明).
 */
function sectionState(): Uint8Array {
	const pm = schema.node('doc', null, [
		schema.node('paragraph', null, [schema.text('建设内容如下。')]),
		schema.node('table', null, [
			schema.node('table_row', null, [cell('项目'), cell('投资')]),
			schema.node('table_row', { suggestion: `delete ${ID}` }, [cell('旧项目'), cell('100')]),
			schema.node('table_row', { suggestion: `insert ${ID}` }, [cell('政务云'), cell('300')])
		]),
		// A suggested table: each of its rows is an inserted row in Word.
		schema.node('table', { suggestion: `insert ${ID}` }, [
			schema.node('table_row', null, [cell('试点区县'), cell('东城区')])
		]),
		schema.node('bullet_list', { suggestion: `wrap ${ID}` }, [
			schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('统一认证')])]),
			schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('证照共享')])])
		])
	]);
	return bodyState(pm);
}

const input = draftInput([{ clause: '6.1', state: sectionState() }], {
	people: { 7: { name: '李明', organization: '发改委' } }
});

async function documentXml(revisions: boolean): Promise<string> {
	const { body } = await renderFile(input, 'docx', { edition: 'full', revisions });
	return strFromU8(unzipSync(body as Uint8Array)['word/document.xml']);
}

describe('DOCX with structural revisions', () => {
	it('writes suggested rows as w:trPr w:ins / w:del and a suggested list’s markers as w:ins', async () => {
		const xml = await documentXml(true);
		expect(xml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins [^>]*w:author="李明"/);
		expect(xml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:del [^>]*w:author="李明"/);
		expect(xml).toMatch(/<w:ins [^>]*w:author="李明"[^>]*>(?:(?!<\/w:ins>).)*<w:t[^>]*>• <\/w:t>/);
		expect(xml).toContain('政务云');
		expect(xml).toContain('旧项目');
		expect(xml).toMatch(
			/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins [^>]*w:author="李明"(?:(?!<\/w:tr>).)*试点区县/
		);
	});

	it('without revisions shows the owners’ text: no suggested row, the deleted row kept, no list', async () => {
		const xml = await documentXml(false);
		expect(xml).not.toContain('政务云');
		expect(xml).not.toContain('试点区县');
		expect(xml).toContain('旧项目');
		expect(xml).not.toContain('• ');
		expect(xml).toContain('统一认证');
		expect(xml).not.toMatch(/<w:(ins|del) /);
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { BODY_FRAGMENT } from '../../editor/fragments.ts';
import { schema } from '../../editor/schema.ts';
import { suggestionId } from '../../suggestions/ids.ts';
import { draftInput } from '../../../../tests/helpers/export-input.ts';
import { renderFile } from '../export/render.ts';
import { readDocx } from './read.ts';

describe("Lantu's export with revisions → import", () => {
	it('brings back the same suggestions, by the same authors at the same times', async () => {
		const bold = schema.marks.strong.create();
		const ids = [
			suggestionId({ userId: 7, organizationId: 2, at: Date.parse('2026-12-01T08:30:00Z') }),
			suggestionId({ userId: 8, organizationId: 3, at: Date.parse('2026-12-02T09:00:00Z') }),
			suggestionId({ userId: 7, organizationId: 2, at: Date.parse('2026-12-03T10:00:00Z') })
		];
		const ins = (n: number) => schema.marks.insertion.create({ id: ids[n - 1] });
		const del = (n: number) => schema.marks.deletion.create({ id: ids[n - 1] });
		const pm = schema.node('doc', null, [
			schema.node('paragraph', null, [
				schema.text('建设'),
				// One suggestion written as two runs (part of it bold): still one suggestion.
				schema.text('统一的', [ins(1)]),
				schema.text('数据', [bold, ins(1)]),
				schema.text('平台', [del(2)])
			]),
			schema.node('paragraph', null, [schema.text('新的一段。', [ins(3)])])
		]);
		const doc = new Y.Doc();
		prosemirrorToYXmlFragment(pm, doc.getXmlFragment(BODY_FRAGMENT));
		const { body } = await renderFile(
			draftInput([{ clause: '6.1', state: Y.encodeStateAsUpdate(doc) }], {
				people: {
					7: { name: '李明', organization: '大数据局' },
					8: { name: '王芳', organization: '发改委' }
				}
			}),
			'docx',
			{ edition: 'full', revisions: true }
		);
		const reading = await readDocx(body as Uint8Array);
		if (!reading.ok) throw new Error(reading.code);
		expect([...reading.parsed.revisions.values()]).toEqual([
			{ kind: 'insert', author: '李明', date: '2026-12-01T08:30:00.000Z' },
			{ kind: 'delete', author: '王芳', date: '2026-12-02T09:00:00.000Z' },
			{ kind: 'insert', author: '李明', date: '2026-12-03T10:00:00.000Z' }
		]);
		const marked = JSON.stringify(reading.parsed.blocks);
		expect(marked).toContain('"text":"统一的","marks":[{"type":"insertion","attrs":{"id":1}}]');
		expect(marked).toContain('"text":"平台","marks":[{"type":"deletion","attrs":{"id":2}}]');
	});
});

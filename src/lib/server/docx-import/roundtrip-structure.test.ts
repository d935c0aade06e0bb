import { describe, expect, it } from 'vitest';
import { schema } from '../../editor/schema.ts';
import { parseSuggestionId, suggestionId } from '../../suggestions/ids.ts';
import { structuresIn } from '../../suggestions/structure.ts';
import { exportedDocx } from '../../../../tests/helpers/export-input.ts';
import { prepareImport } from './land.ts';
import { readDocx } from './read.ts';

const cell = (text: string) =>
	schema.node('table_cell', null, [schema.node('paragraph', null, [schema.text(text)])]);

describe("Lantu's export with structural revisions → import", () => {
	it('brings back the suggested rows, by the same authors at the same times', async () => {
		const added = suggestionId({
			userId: 7,
			organizationId: 2,
			at: Date.parse('2026-12-01T08:30:00Z')
		});
		const removed = suggestionId({
			userId: 8,
			organizationId: 3,
			at: Date.parse('2026-12-02T09:00:00Z')
		});
		const pm = schema.node('doc', null, [
			schema.node('paragraph', null, [schema.text('建设内容如下。')]),
			schema.node('table', null, [
				schema.node('table_row', null, [cell('政务云'), cell('300')]),
				schema.node('table_row', { suggestion: `insert ${added}` }, [
					cell('数据中台'),
					cell('200')
				]),
				schema.node('table_row', { suggestion: `delete ${removed}` }, [cell('旧机房'), cell('50')])
			])
		]);
		const body = await exportedDocx(pm);
		const reading = await readDocx(body as Uint8Array);
		if (!reading.ok) throw new Error(reading.code);
		expect([...reading.parsed.revisions.values()]).toEqual([
			{ kind: 'insert', author: '李明', date: '2026-12-01T08:30:00.000Z' },
			{ kind: 'delete', author: '王芳', date: '2026-12-02T09:00:00.000Z' }
		]);
		const members = new Map([
			['李明', { userId: 7, organizationId: 2 }],
			['王芳', { userId: 8, organizationId: 3 }]
		]);
		const prepared = prepareImport(
			reading.parsed,
			'direct',
			{ userId: 9, organizationId: 1 },
			members,
			Date.now()
		);
		const found = structuresIn(prepared.doc).map(({ node, suggestion }) => ({
			row: node.textContent,
			kind: suggestion.kind,
			author: parseSuggestionId(suggestion.id)
		}));
		expect(found).toEqual([
			{
				row: '数据中台200',
				kind: 'insert',
				author: expect.objectContaining({ userId: 7, at: Date.parse('2026-12-01T08:30:00Z') })
			},
			{
				row: '旧机房50',
				kind: 'delete',
				author: expect.objectContaining({ userId: 8, at: Date.parse('2026-12-02T09:00:00Z') })
			}
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { schema } from '../../editor/schema.ts';
import { parseSuggestionId, suggestionId } from '../../suggestions/ids.ts';
import { exportedDocx } from '../../../../tests/helpers/export-input.ts';
import { prepareImport } from './land.ts';
import { readDocx } from './read.ts';

const exported = exportedDocx;

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
		const reading = await readDocx(await exported(pm));
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

	it('brings back format and paragraph-style suggestions (w:rPrChange, w:pPrChange)', async () => {
		const bold = schema.marks.strong.create();
		const boldId = suggestionId({
			userId: 7,
			organizationId: 2,
			at: Date.parse('2026-12-03T10:00:00.123Z')
		});
		const styleId = suggestionId({
			userId: 8,
			organizationId: 3,
			at: Date.parse('2026-12-04T11:00:00.456Z')
		});
		const boldChange = schema.marks.format_change.create({
			id: boldId,
			change: { mark: 'strong', previous: null, next: { type: 'strong' } }
		});
		const styleChange = schema.marks.format_change.create({
			id: styleId,
			change: { block: { type: 'paragraph', attrs: {} } }
		});
		const pm = schema.node('doc', null, [
			schema.node('heading', { level: 2 }, [schema.text('总体目标', [styleChange])]),
			schema.node('paragraph', null, [
				schema.text('建设'),
				// One suggestion over two runs (one of them also italic): still one suggestion.
				schema.text('城市', [bold, boldChange]),
				schema.text('大脑', [bold, schema.marks.em.create(), boldChange]),
				schema.text('。')
			])
		]);
		const reading = await readDocx(await exported(pm));
		if (!reading.ok) throw new Error(reading.code);
		expect([...reading.parsed.revisions.values()]).toEqual([
			{ kind: 'format', author: '王芳', date: '2026-12-04T11:00:00.456Z' },
			{ kind: 'format', author: '李明', date: '2026-12-03T10:00:00.123Z' }
		]);
		// Landed for the plan whose members are 李明 and 王芳: the same suggestions by the same people.
		const members = new Map([
			['李明', { userId: 7, organizationId: 2 }],
			['王芳', { userId: 8, organizationId: 3 }]
		]);
		const { doc } = prepareImport(
			reading.parsed,
			'direct',
			{ userId: 1, organizationId: 1 },
			members,
			0
		);
		const found = new Map<string, { text: string; change: unknown }>();
		doc.descendants((node) => {
			for (const mark of node.marks)
				if (mark.type.name === 'format_change') {
					const id = String(mark.attrs.id);
					const seen = found.get(id);
					found.set(id, { text: (seen?.text ?? '') + node.text, change: mark.attrs.change });
				}
		});
		const byAuthor = [...found].map(([id, { text, change }]) => {
			const author = parseSuggestionId(id);
			return { userId: author?.userId, at: author?.at, text, change };
		});
		expect(byAuthor).toEqual([
			{
				userId: 8,
				at: Date.parse('2026-12-04T11:00:00.456Z'),
				text: '总体目标',
				change: { block: { type: 'paragraph', attrs: {} } }
			},
			{
				userId: 7,
				at: Date.parse('2026-12-03T10:00:00.123Z'),
				text: '城市大脑',
				change: { mark: 'strong', previous: null, next: { type: 'strong' } }
			}
		]);
	});
});

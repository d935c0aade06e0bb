import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../conformance/evaluate.ts';
import { sectionDigest } from '../conformance/digest.ts';
import { buildPlan, rowOf } from '../conformance/fixtures.ts';
import { conformanceStatement } from './conformance-statement.ts';
import { demoModelInput } from './fixtures.ts';
import { buildExportModel } from './model.ts';
import { blocksText } from './prose.ts';
import type { TableBlock } from './types.ts';

function table(blocks: ReturnType<typeof conformanceStatement>): TableBlock {
	const found = blocks.find((b): b is TableBlock => b.type === 'table');
	if (!found) throw new Error('no table');
	return found;
}

const cellText = (t: TableBlock, row: number, col: number) => blocksText(t.rows[row][col].blocks);

describe('the conformance statement', () => {
	it('lists every applicable required rule of the exported activities as met', () => {
		const checklist = evaluatePlan(buildPlan());
		const blocks = conformanceStatement(checklist, [], new Set(['requirements']));
		const t = table(blocks);
		const required = checklist.sections
			.filter((s) => s.activity === 'requirements')
			.flatMap((s) => s.results)
			.filter((r) => r.level === 'required' && r.status !== 'na');
		expect(t.rows).toHaveLength(required.length);
		expect(t.rows.every((_, i) => cellText(t, i, 3) === '满足')).toBe(true);
		expect(blocksText([blocks[1]])).toBe(
			`共 ${required.length} 项：满足 ${required.length} 项，豁免 0 项，未满足 0 项。`
		);
	});

	it('states an open rule as waived, with the reason and who waived it, or as open', () => {
		const plan = buildPlan();
		rowOf(plan, '9.1', 'funding', 'f2').bond = 1000;
		const checklist = evaluatePlan(plan);
		const find = (t: TableBlock) =>
			t.rows.findIndex((_, i) => cellText(t, i, 2) === '每个重点工程的资金筹措合计等于其资金估算');
		const open = table(conformanceStatement(checklist, [], new Set(['roadmap'])));
		expect(cellText(open, find(open), 3)).toBe('未满足');
		const waived = table(
			conformanceStatement(
				checklist,
				[
					{
						activity: 'roadmap',
						reason: '专项债额度待省里下达后补齐',
						by: '李建华',
						at: '2026-11-02T02:00:00Z'
					}
				],
				new Set(['roadmap']),
				'Asia/Shanghai'
			)
		);
		const row = find(waived);
		expect([3, 4, 5].map((c) => cellText(waived, row, c))).toEqual([
			'豁免',
			'专项债额度待省里下达后补齐',
			'李建华（2026年11月2日）'
		]);
	});

	it('names who confirmed a manual check and when, and states an unconfirmed or changed one', () => {
		const plan = buildPlan();
		plan.confirmations = {
			'manual:4.1.2': {
				by: '张三',
				at: '2026-12-06T02:00:00Z',
				digest: sectionDigest(plan.sections['7.3'])
			},
			'manual:4.2': { by: '李四', at: '2026-12-01T02:00:00Z', digest: 'stale' }
		};
		const blocks = conformanceStatement(
			evaluatePlan(plan),
			[],
			new Set(['overall']),
			'Asia/Shanghai'
		);
		const t = table(blocks);
		const row = (clause: string) =>
			[3, 4, 5].map((c) =>
				cellText(
					t,
					t.rows.findIndex((_, i) => cellText(t, i, 1) === clause),
					c
				)
			);
		expect(row('4.1.2')).toEqual(['满足', '审查人人工确认', '张三（2026年12月6日）']);
		expect(row('4.2')).toEqual(['未确认', '确认后内容已变更，须重新确认', '李四（2026年12月1日）']);
		expect(row('4.1.5')).toEqual(['未确认', '须审查人人工确认', '']);
		expect(row('7.3.1')[0]).toBe('满足');
		expect(row('7.3.1')[1]).toBe('平台自动检查');
		expect(blocksText([blocks[2]])).toBe('其中需人工确认的 4 项：已确认 1 项，未确认 3 项。');
	});

	it('is an appendix of the design report when the checklist is given, not of the publication', () => {
		const input = { ...demoModelInput(), checklist: evaluatePlan(buildPlan()) };
		const full = buildExportModel(input, { edition: 'full' });
		expect(full.appendices.map((a) => `${a.number} ${a.title}`)).toContain('附录C 符合性声明');
		const publication = buildExportModel(input, { edition: 'publication' });
		expect(publication.appendices.map((a) => a.title)).not.toContain('符合性声明');
	});
});

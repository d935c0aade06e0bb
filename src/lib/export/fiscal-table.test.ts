import { describe, expect, it } from 'vitest';
import { blocksText } from './prose.ts';
import { blockTables, rowIndexKey, type RowIndex } from './tables.ts';
import type { TableBlock } from './types.ts';

describe('the 财政承受能力 table of the export', () => {
	it('prints each year with the plan’s 财政资金 from the funding table and both shares', () => {
		const funding = [
			{ id: 'f1', project: 'p', year: 2026, kind: 'construction', fiscal: 37200, bond: 900 },
			{ id: 'f2', project: 'p', year: 2026, kind: 'operation', fiscal: 800 }
		];
		const index: RowIndex = new Map([[rowIndexKey('9.1', 'funding'), funding]]);
		const capacity = [
			{ id: 'c1', year: 2026, budget: 3800000, pppObligations: 171000, source: '预算报告' }
		];
		const [table] = blockTables('fiscalCapacity', capacity, index, { details: false }) as [
			TableBlock
		];
		expect(table.header).toEqual([
			'序号',
			'年度',
			'一般公共预算支出（万元）',
			'本规划财政资金（万元）',
			'占一般公共预算支出比例',
			'全部PPP项目财政支出责任（万元）',
			'PPP支出责任占比'
		]);
		expect(table.rows[0].map((c) => blocksText(c.blocks))).toEqual([
			'1',
			'2026',
			'3,800,000',
			'38,000',
			'1.00%',
			'171,000',
			'4.50%'
		]);
	});
});

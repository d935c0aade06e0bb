import { describe, expect, it } from 'vitest';
import { BLOCKS, parseRows } from '../templates/blocks/index.ts';
import { evaluatePlan } from './evaluate.ts';
import { fiscalYears, formatShare } from './fiscal.ts';
import { buildPlan, rowOf, rowsOf } from './fixtures.ts';
import type { RuleResult } from './types.ts';

const funding = (rows: unknown[]) => parseRows(BLOCKS.funding, rows);
const capacity = (rows: unknown[]) => parseRows(BLOCKS.fiscalCapacity, rows);

function result(plan: ReturnType<typeof buildPlan>, id: string): RuleResult {
	const found = evaluatePlan(plan)
		.sections.flatMap((s) => s.results)
		.find((r) => r.id === id);
	if (!found) throw new Error(id);
	return found;
}

describe('财政承受能力 by year', () => {
	it('sets the plan’s 财政资金 against the year’s 一般公共预算支出, 专项债 apart', () => {
		const years = fiscalYears(
			funding([
				{ id: 'a', project: 'p', year: 2026, kind: 'construction', fiscal: 3000, bond: 500 },
				{ id: 'b', project: 'p', year: 2026, kind: 'operation', fiscal: 1000, social: 900 },
				{ id: 'c', project: 'p', year: 2027, kind: 'construction', fiscal: 2000 }
			]),
			capacity([{ id: 'x', year: 2026, budget: 400000, pppObligations: 12000 }])
		);
		expect(years).toEqual([
			{
				year: 2026,
				budget: 400000,
				planFiscal: 4000,
				planBond: 500,
				fiscalShare: 0.01,
				pppObligations: 12000,
				pppShare: 0.03,
				row: 0
			},
			{
				year: 2027,
				budget: null,
				planFiscal: 2000,
				planBond: 0,
				fiscalShare: null,
				pppObligations: null,
				pppShare: null,
				row: null
			}
		]);
		expect(formatShare(0.03)).toBe('3.00%');
		expect(formatShare(0.10456)).toBe('10.46%');
	});

	it('asks for the budget of every year the plan spends 财政资金 in', () => {
		const plan = buildPlan();
		expect(result(plan, '9.1.fiscal-capacity').status).toBe('pass');
		rowOf(plan, '9.1', 'funding', 'f2').fiscal = 800;
		const open = result(plan, '9.1.fiscal-capacity');
		expect(open.status === 'fail' && open.findings.map((f) => f.message)).toEqual([
			'2027年安排财政资金 800 万元，财政承受能力表没有该年度的一般公共预算支出。'
		]);
	});

	it('holds all PPP obligations of a year to 10% of 一般公共预算支出, and is silent without figures', () => {
		const plan = buildPlan();
		rowOf(plan, '9.1', 'fiscalCapacity', 'fc1').pppObligations = 200000;
		expect(result(plan, '9.1.ppp-red-line').status).toBe('pass');
		rowOf(plan, '9.1', 'fiscalCapacity', 'fc1').pppObligations = 230000;
		const over = result(plan, '9.1.ppp-red-line');
		expect(over.status === 'fail' && over.findings[0].message).toBe(
			'2026年全部PPP项目财政支出责任占一般公共预算支出 11.50%，超过10%的红线。'
		);
		expect(over.status === 'fail' && over.findings[0].pointer).toMatchObject({
			kind: 'block',
			block: 'fiscalCapacity',
			rowId: 'fc1',
			field: 'pppObligations'
		});
		rowsOf(plan, '9.1', 'fiscalCapacity').length = 0;
		expect(result(plan, '9.1.ppp-red-line').status).toBe('na');
	});
});

/** The rules of substance (issue 18): what each checks beyond "not empty", on the passing fixture. */
import { describe, expect, it } from 'vitest';
import { evaluatePlan } from './evaluate.ts';
import { buildPlan, rowOf, rowsOf, type MutablePlan } from './fixtures.ts';
import { fundingByYear } from './investment.ts';
import { parseRows } from '../templates/blocks/parse.ts';
import { BLOCKS } from '../templates/blocks/index.ts';
import type { RuleResult } from './types.ts';

function result(plan: MutablePlan, id: string): RuleResult {
	const checklist = evaluatePlan(plan);
	const found = [...checklist.plan, ...checklist.sections.flatMap((s) => s.results)].find(
		(r) => r.id === id
	);
	if (!found) throw new Error(`no result for rule ${id}`);
	return found;
}

function messages(plan: MutablePlan, id: string): string[] {
	const r = result(plan, id);
	return r.status === 'fail' ? r.findings.map((f) => f.message) : [];
}

describe('traceability with deferral', () => {
	it('accepts a need deferred with a reason, and traces it again once the reason is gone', () => {
		const plan = buildPlan();
		expect(result(plan, 'trace.needs-goals').status).toBe('pass');
		rowOf(plan, '6.5', 'needs', 'n3').deferral = '  ';
		expect(messages(plan, 'trace.needs-goals')[0]).toContain('老年人线下代办服务');
		expect(messages(plan, 'trace.needs-projects')[0]).toContain('老年人线下代办服务');
	});
});

describe('4.1.4 stakeholders', () => {
	it('names the stakeholder no need comes from', () => {
		const plan = buildPlan();
		rowOf(plan, '6.5', 'needs', 'n1').stakeholder = 'government';
		expect(messages(plan, '4.1.4.stakeholders')).toEqual([
			expect.stringContaining('没有来自企业的需求')
		]);
	});

	it('makes the stakeholder field itself required', () => {
		const plan = buildPlan();
		rowOf(plan, '6.5', 'needs', 'n2').stakeholder = null;
		expect(messages(plan, '6.5.needs')[0]).toContain('需求主体');
	});
});

describe('goals of substance', () => {
	it('holds a goal without a baseline not measurable', () => {
		const plan = buildPlan();
		rowOf(plan, '7.3', 'goals', 'g2').baseline = null;
		expect(messages(plan, '7.3.3.b')[0]).toContain('基线值');
	});

	it('asks the phase goals for tasks and results, and for a phase goal at all', () => {
		const plan = buildPlan();
		rowOf(plan, '7.3', 'goals', 'g3').tasks = '';
		expect(messages(plan, '7.3.2.phase-goals')[0]).toContain('阶段主要任务');
		rowOf(plan, '7.3', 'goals', 'g3').level = 'specific';
		rowOf(plan, '7.3', 'goals', 'g3').parent = 'g1';
		expect(messages(plan, '7.3.2.phase-goals')[0]).toContain('没有阶段目标');
	});

	it('carries indicators with a target into goals, and notices a goal pointing at nothing', () => {
		const plan = buildPlan();
		rowOf(plan, '7.3', 'goals', 'g3').indicatorRef = 'gone';
		expect(messages(plan, '6.3.used-by-goals')).toEqual([
			expect.stringContaining('引用的评价指标已不存在')
		]);
		// An indicator without a target (i2) is an assessment only: no goal has to carry it.
		rowOf(plan, '7.3', 'goals', 'g3').indicatorRef = null;
		expect(result(plan, '6.3.used-by-goals').status).toBe('pass');
	});

	it('wants a base year not after the period starts for indicators with a target', () => {
		const plan = buildPlan();
		rowOf(plan, '6.3', 'indicators', 'i1').baseYear = 2027;
		expect(messages(plan, '6.3.indicator-system')[0]).toContain('基准年 2027');
	});
});

describe('priorities and the phase order', () => {
	it('reports a higher-priority project started in a later phase', () => {
		const plan = buildPlan();
		rowOf(plan, '9.1', 'keyProjects', 'p2').priority = 'high';
		rowOf(plan, '9.1', 'keyProjects', 'p1').priority = 'medium';
		expect(messages(plan, '9.1.2.phase-order')).toEqual([
			'工程 2“城市运行管理中心”优先级更高，却排在工程 1“一网通办提升工程”之后的阶段启动。'
		]);
	});

	it('orders phases by their start date, not their position', () => {
		const plan = buildPlan();
		rowsOf(plan, '9.3', 'phases').reverse();
		expect(result(plan, '9.1.2.phase-order').status).toBe('pass');
	});
});

describe('investment and funding', () => {
	it('adds up each project’s funding sources against its estimate', () => {
		const plan = buildPlan();
		rowOf(plan, '9.1', 'funding', 'f1').social = 500;
		expect(messages(plan, '9.1.funding-sources')).toEqual([
			'工程 1“一网通办提升工程”的资金筹措合计 4,000 万元，与资金估算 3,500 万元不一致。'
		]);
	});

	it('keeps construction funding inside the project’s years; operation may follow', () => {
		const plan = buildPlan();
		rowOf(plan, '9.1', 'funding', 'f2').year = 2029;
		expect(messages(plan, '9.1.funding-sources')[0]).toContain(
			'不在工程 1“一网通办提升工程”的建设周期内'
		);
		rowOf(plan, '9.1', 'funding', 'f2').kind = 'operation';
		expect(result(plan, '9.1.funding-sources').status).toBe('pass');
	});

	it('holds the totals of projects, funding table and phases to each other', () => {
		const plan = buildPlan();
		rowOf(plan, '9.1', 'keyProjects', 'p2').budget = 1000;
		// Now p2 has no funding rows (9.1) and neither the funding table nor the phases add up (9.3).
		expect(messages(plan, '9.1.funding-sources')[0]).toContain('资金筹措合计 0 万元');
		expect(messages(plan, '9.3.investment-totals')).toEqual([
			'投资估算与资金筹措合计 3,500 万元，与重点工程资金估算合计 4,500 万元不一致。'
		]);
	});

	it('sums the funding table by year, source and kind for the chart', () => {
		const plan = buildPlan();
		rowsOf(plan, '9.1', 'funding').push({
			id: 'f3',
			project: 'p1',
			year: 2026,
			kind: 'operation',
			social: 100
		});
		const years = fundingByYear(parseRows(BLOCKS.funding, plan.sections['9.1'].data.funding));
		expect(years).toEqual([
			{
				year: 2026,
				bySource: { fiscal: 2000, bond: 0, social: 100, other: 0 },
				construction: 2000,
				operation: 100,
				total: 2100
			},
			{
				year: 2027,
				bySource: { fiscal: 0, bond: 1500, social: 0, other: 0 },
				construction: 1500,
				operation: 0,
				total: 1500
			}
		]);
	});

	it('warns when the project library files more under a key project than it costs', () => {
		const plan = buildPlan();
		rowOf(plan, '9.1', 'projectLibrary', 'lib1').investment = 5000;
		const r = result(plan, '9.1.project-library');
		expect(r.level).toBe('recommended');
		expect(messages(plan, '9.1.project-library')[0]).toContain('超过该工程的资金估算');
	});
});

describe('words that do not overclaim', () => {
	it('treats 4.3’s 一般 3—5 年 and Appendix B’s three levels as recommendations', () => {
		const plan = buildPlan({ periodEnd: 2035 });
		const period = result(plan, '4.3.period');
		expect(period).toMatchObject({ level: 'recommended', status: 'fail' });
		expect(result(plan, '8.1.three-levels').level).toBe('recommended');
	});
});

import { describe, expect, it } from 'vitest';
import { evaluatePlan, evaluateSection } from './evaluate.ts';
import { buildPlan, rowOf } from './fixtures.ts';
import { openItems, readyForReview, scoreByChapter } from './score.ts';

describe('scoreByChapter', () => {
	it('gives a complete plan 100 in every chapter', () => {
		const scores = scoreByChapter(evaluatePlan(buildPlan()));
		expect(scores.map((s) => [s.chapter, s.score, s.required.fail])).toEqual([
			['6', 100, 0],
			['7', 100, 0],
			['8', 100, 0],
			['9', 100, 0]
		]);
	});

	it('counts failed required rules against the chapter they belong to, and only those', () => {
		const plan = buildPlan();
		plan.sections['9.4'].items['9.4.d'] = '';
		plan.sections['9.4'].items['9.4.A1.promotion'] = '';
		const scores = scoreByChapter(evaluatePlan(plan));
		const roadmap = scores.find((s) => s.activity === 'roadmap');
		expect(roadmap?.required.fail).toBe(1);
		expect(roadmap?.recommended.fail).toBe(1);
		const applicable = (roadmap?.required.pass ?? 0) + 1;
		expect(roadmap?.score).toBe(Math.floor((100 * (applicable - 1)) / applicable));
		expect(scores.filter((s) => s.activity !== 'roadmap').every((s) => s.score === 100)).toBe(true);
	});

	it('scores an empty plan low but not below zero', () => {
		const scores = scoreByChapter(
			evaluatePlan({ context: { periodStart: 2026, periodEnd: 2030 }, sections: {} })
		);
		for (const s of scores) {
			expect(s.score).toBeGreaterThanOrEqual(0);
			expect(s.score).toBeLessThan(50);
		}
	});
});

describe('openItems', () => {
	it('lists nothing for a complete plan', () => {
		expect(openItems(evaluatePlan(buildPlan()))).toEqual([]);
	});

	it('lists one entry per finding, required first, with where to fix it', () => {
		const plan = buildPlan({ periodEnd: 2032 });
		plan.sections['6.4'].body = '';
		rowOf(plan, '9.1', 'keyProjects', 'p1').leadUnit = '';
		const items = openItems(evaluatePlan(plan));
		expect(items.map((i) => [i.ruleId, i.level])).toEqual([
			['9.1.4.b', 'required'],
			// 4.3 says 一般 3—5 年: a longer period is a warning, not a gate.
			['4.3.period', 'recommended'],
			['6.4.body', 'recommended'],
			['7.3.3.e', 'recommended']
		]);
		expect(items[0]).toMatchObject({
			clause: '9.1.4',
			section: '9.1',
			message: expect.stringContaining('负责单位'),
			pointer: {
				kind: 'block',
				section: '9.1',
				block: 'keyProjects',
				rowId: 'p1',
				field: 'leadUnit'
			}
		});
	});

	it('filters by activity and level, keeps plan-wide rules, and leaves out waived rules', () => {
		const plan = buildPlan({ periodEnd: 2032 });
		plan.sections['6.4'].body = '';
		plan.sections['9.4'].items['9.4.a'] = '';
		const checklist = evaluatePlan(plan);
		const ids = (items: { ruleId: string }[]) => items.map((i) => i.ruleId);
		expect(ids(openItems(checklist, { activity: 'roadmap' }))).toEqual([
			'item:9.4.a',
			'4.3.period'
		]);
		expect(ids(openItems(checklist, { activity: 'requirements', level: 'recommended' }))).toEqual([
			'4.3.period',
			'6.4.body'
		]);
		expect(ids(openItems(checklist, { waived: new Set(['4.3.period', 'item:9.4.a']) }))).toEqual([
			'6.4.body',
			'7.3.3.e'
		]);
	});
});

describe('readyForReview', () => {
	it('ignores recommended rules and honours waivers of required ones', () => {
		const plan = buildPlan();
		plan.sections['6.4'].body = '';
		expect(readyForReview(evaluatePlan(plan), 'requirements')).toBe(true);
		plan.sections['6.5'].items['6.5.2.j'] = '';
		const checklist = evaluatePlan(plan);
		expect(readyForReview(checklist, 'requirements')).toBe(false);
		expect(readyForReview(checklist, 'overall')).toBe(true);
		expect(readyForReview(checklist, 'requirements', new Set(['item:6.5.2.j']))).toBe(true);
	});
});

describe('evaluateSection', () => {
	it('gives one section’s checklist, reading the sections it depends on', () => {
		const plan = buildPlan();
		plan.sections['6.1'].items['6.1.2.2'] = '';
		const checklist = evaluateSection(plan, '7.3');
		expect(checklist?.title).toBe('建设目标');
		expect(checklist?.activity).toBe('overall');
		expect(checklist?.results.find((r) => r.id === '7.3.3.d')?.status).toBe('fail');
		expect(checklist?.results.every((r) => r.section === '7.3')).toBe(true);
	});

	it('is undefined for a clause that is not a section', () => {
		expect(evaluateSection(buildPlan(), '7.1')).toBeUndefined();
	});
});

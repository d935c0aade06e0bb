import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../conformance/index.ts';
import { buildPlan, rowsOf } from '../conformance/fixtures.ts';
import { combineStatus, sectionCompletion, targetStatus } from './fill-status.ts';

const EMPTY = { context: { periodStart: 2026, periodEnd: 2030 }, sections: {} };

describe('section completion', () => {
	it('counts applicable required rules of an empty and a complete plan', () => {
		const empty = evaluatePlan(EMPTY).sections.find((s) => s.clause === '6.1');
		expect(empty && sectionCompletion(empty)).toEqual({ pass: 0, total: 4, basis: 'required' });
		const full = evaluatePlan(buildPlan()).sections.find((s) => s.clause === '6.1');
		expect(full && sectionCompletion(full)).toEqual({ pass: 4, total: 4, basis: 'required' });
	});

	it('falls back to recommended rules where a section has no required one (6.4)', () => {
		const section = evaluatePlan(EMPTY).sections.find((s) => s.clause === '6.4');
		// 6.4's body and its register of related plans (both 建议, so recommended).
		expect(section && sectionCompletion(section)).toEqual({
			pass: 0,
			total: 2,
			basis: 'recommended'
		});
	});
});

describe('fill status of Table A.1 targets', () => {
	it('is empty everywhere in an empty plan', () => {
		const checklist = evaluatePlan(EMPTY);
		expect(targetStatus(checklist, EMPTY, { section: '6.1', item: '6.1.2.1' })).toBe('empty');
		expect(targetStatus(checklist, EMPTY, { section: '9.1', block: 'keyProjects' })).toBe('empty');
		expect(targetStatus(checklist, EMPTY, { section: '6.2' })).toBe('empty');
		expect(targetStatus(checklist, EMPTY, { section: '8.4', item: '8.4.2.a' })).toBe('empty');
	});

	it('is filled everywhere in a complete plan', () => {
		const plan = buildPlan();
		const checklist = evaluatePlan(plan);
		expect(targetStatus(checklist, plan, { section: '6.1', item: '6.1.2.1' })).toBe('filled');
		expect(targetStatus(checklist, plan, { section: '9.1', block: 'keyProjects' })).toBe('filled');
		expect(targetStatus(checklist, plan, { section: '6.2' })).toBe('filled');
		expect(targetStatus(checklist, plan, { section: '8.4', item: '8.4.2.a' })).toBe('filled');
	});

	it('is partly filled when a block has rows with open findings, or a section only some items', () => {
		const plan = buildPlan();
		rowsOf(plan, '9.1', 'keyProjects')[0].budget = null;
		plan.sections['6.2'].items['6.2.1'] = '';
		const checklist = evaluatePlan(plan);
		expect(targetStatus(checklist, plan, { section: '9.1', block: 'keyProjects' })).toBe('partly');
		expect(targetStatus(checklist, plan, { section: '6.2' })).toBe('partly');
	});
});

describe('combined status', () => {
	it('is the weakest of its parts', () => {
		expect(combineStatus(['filled', 'filled'])).toBe('filled');
		expect(combineStatus(['filled', 'empty'])).toBe('partly');
		expect(combineStatus(['empty', 'empty'])).toBe('empty');
		expect(combineStatus([])).toBe('empty');
	});
});

import { describe, expect, it } from 'vitest';
import {
	checkHorizon,
	checkPlanPeriod,
	formatPeriod,
	periodYears,
	refusesPeriod
} from './plan-period.ts';

describe('planning period (clause 4.3: 3–5 years)', () => {
	it('counts both ends', () => {
		expect(periodYears(2026, 2030)).toBe(5);
		expect(periodYears(2026, 2028)).toBe(3);
	});

	it.each([
		[2026, 2028, undefined],
		[2026, 2030, undefined],
		[2026, 2029, undefined],
		[2026, 2027, 'too-short'],
		[2026, 2026, 'too-short'],
		[2026, 2031, 'too-long'],
		[2030, 2026, 'end-before-start'],
		[2026.5, 2030, 'not-integer']
	])('%s—%s → %s', (start, end, problem) => {
		expect(checkPlanPeriod(start, end)).toBe(problem);
	});

	it('writes the period as officials do, with its outlook year', () => {
		expect(formatPeriod(2026, 2030)).toBe('2026—2030年');
		expect(formatPeriod(2026, 2030, 2035)).toBe('2026—2030年，展望2035年');
	});

	it('refuses only periods that are not periods; 4.3’s 一般 3—5 年 only warns', () => {
		expect(refusesPeriod(checkPlanPeriod(2026, 2032))).toBe(false);
		expect(refusesPeriod(checkPlanPeriod(2026, 2027))).toBe(false);
		expect(refusesPeriod(checkPlanPeriod(2030, 2026))).toBe(true);
		expect(refusesPeriod(checkPlanPeriod(2026.5, 2030))).toBe(true);
	});

	it('takes an outlook year after the period, at most 15 years on', () => {
		expect(checkHorizon(2030, null)).toBe(true);
		expect(checkHorizon(2030, 2035)).toBe(true);
		expect(checkHorizon(2030, 2030)).toBe(false);
		expect(checkHorizon(2030, 2046)).toBe(false);
	});
});

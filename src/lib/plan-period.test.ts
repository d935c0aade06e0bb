import { describe, expect, it } from 'vitest';
import { checkPlanPeriod, formatPeriod, periodYears } from './plan-period.ts';

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

	it('writes the period as officials do', () => {
		expect(formatPeriod(2026, 2030)).toBe('2026—2030年');
	});
});

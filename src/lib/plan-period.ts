/**
 * Clause 4.3 of GB/T 36333-2018: a top-level design plans 3 to 5 years ahead. Shared by the form
 * that creates a plan, the server that stores it and the conformance rules.
 */
export const MIN_PERIOD_YEARS = 3;
export const MAX_PERIOD_YEARS = 5;

/** Years covered by a period, counting both ends: 2026—2030 is five years. */
export function periodYears(startYear: number, endYear: number): number {
	return endYear - startYear + 1;
}

export type PeriodProblem = 'not-integer' | 'end-before-start' | 'too-short' | 'too-long';

export function checkPlanPeriod(startYear: number, endYear: number): PeriodProblem | undefined {
	if (!Number.isInteger(startYear) || !Number.isInteger(endYear)) return 'not-integer';
	if (endYear < startYear) return 'end-before-start';
	const years = periodYears(startYear, endYear);
	if (years < MIN_PERIOD_YEARS) return 'too-short';
	if (years > MAX_PERIOD_YEARS) return 'too-long';
	return undefined;
}

/** The period as Chinese officials write it in a title: （2026—2030年）. */
export function formatPeriod(startYear: number, endYear: number): string {
	return `${startYear}—${endYear}年`;
}

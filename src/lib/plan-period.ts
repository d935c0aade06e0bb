/**
 * Clause 4.3 of GB/T 36333-2018: 规划期限一般以3年-5年为周期 — typically, not always. Shared by the form
 * that creates a plan, the server that stores it and the conformance rules. A period that is not a
 * period (not whole years, ending before it starts) is refused; one shorter or longer than 3—5 years
 * is accepted with a warning that asks for the reason (a 2025—2030 plan aligned with 十五五, say).
 */
export const MIN_PERIOD_YEARS = 3;
export const MAX_PERIOD_YEARS = 5;

/** Years covered by a period, counting both ends: 2026—2030 is five years. */
export function periodYears(startYear: number, endYear: number): number {
	return endYear - startYear + 1;
}

export type PeriodProblem = 'not-integer' | 'end-before-start' | 'too-short' | 'too-long';

/** Problems that make the period meaningless, so a plan cannot be created with it. */
export function refusesPeriod(problem: PeriodProblem | undefined): boolean {
	return problem === 'not-integer' || problem === 'end-before-start';
}

/** How far a 展望 (outlook) year may reach past the period: 2030 → 展望2035 is the common case. */
export const MAX_HORIZON_YEARS = 15;

/** A 展望 year is optional; when given it lies after the period's end and within reach. */
export function checkHorizon(endYear: number, horizonYear: number | null): boolean {
	return (
		horizonYear === null ||
		(Number.isInteger(horizonYear) &&
			horizonYear > endYear &&
			horizonYear <= endYear + MAX_HORIZON_YEARS)
	);
}

export function checkPlanPeriod(startYear: number, endYear: number): PeriodProblem | undefined {
	if (!Number.isInteger(startYear) || !Number.isInteger(endYear)) return 'not-integer';
	if (endYear < startYear) return 'end-before-start';
	const years = periodYears(startYear, endYear);
	if (years < MIN_PERIOD_YEARS) return 'too-short';
	if (years > MAX_PERIOD_YEARS) return 'too-long';
	return undefined;
}

/** The period as Chinese officials write it in a title: （2026—2030年）. */
export function formatPeriod(
	startYear: number,
	endYear: number,
	horizonYear?: number | null
): string {
	const period = `${startYear}—${endYear}年`;
	return horizonYear ? `${period}，展望${horizonYear}年` : period;
}

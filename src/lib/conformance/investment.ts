/**
 * Sums over the funding table (投资估算与资金筹措): per row, per project, and per year and source. The
 * conformance rules check them and the section page charts them, from this one place.
 */
import { FUNDING_SOURCES, type FundingRow, type FundingSource } from '../templates/blocks/index.ts';

/** Amounts are in 万元 and typed by hand: half a 万元 either way is the same amount. */
const TOLERANCE = 0.5;

export function amountsEqual(a: number, b: number): boolean {
	return Math.abs(a - b) < TOLERANCE;
}

/** 12500 → "12,500"; 0.5 → "0.5": as an amount in 万元 is written in a table. */
export function formatWan(value: number): string {
	return (Math.round(value * 100) / 100).toLocaleString('en-US');
}

export function fundingRowTotal(row: Pick<FundingRow, FundingSource>): number {
	return FUNDING_SOURCES.reduce((sum, key) => sum + Math.max(0, row[key] ?? 0), 0);
}

/** Project id → the sum of its funding rows. */
export function fundingByProject(rows: readonly FundingRow[]): Map<string, number> {
	const sums = new Map<string, number>();
	for (const row of rows) {
		if (!row.project) continue;
		sums.set(row.project, (sums.get(row.project) ?? 0) + fundingRowTotal(row));
	}
	return sums;
}

export interface YearFunding {
	year: number;
	bySource: Record<FundingSource, number>;
	construction: number;
	operation: number;
	total: number;
}

/** One entry per year that has funding, in year order: what the investment chart draws. */
export function fundingByYear(rows: readonly FundingRow[]): YearFunding[] {
	const years = new Map<number, YearFunding>();
	for (const row of rows) {
		if (row.year === null) continue;
		let entry = years.get(row.year);
		if (!entry) {
			entry = {
				year: row.year,
				bySource: { fiscal: 0, bond: 0, social: 0, other: 0 },
				construction: 0,
				operation: 0,
				total: 0
			};
			years.set(row.year, entry);
		}
		for (const key of FUNDING_SOURCES) entry.bySource[key] += Math.max(0, row[key] ?? 0);
		const total = fundingRowTotal(row);
		entry.total += total;
		if (row.kind === 'operation') entry.operation += total;
		else entry.construction += total;
	}
	return [...years.values()].sort((a, b) => a.year - b.year);
}

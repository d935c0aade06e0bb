/**
 * 财政承受能力 by year: the plan's 财政资金 (from the funding table) against the city's 一般公共预算
 * 支出, and every PPP project's fiscal obligations against the 10% line of 财金〔2015〕21号. The rules,
 * the section page's table and the export's table all read it from here.
 */
import type { FiscalCapacityRow, FundingRow } from '../templates/blocks/index.ts';

/** 财金〔2015〕21号 第二十五条: all PPP obligations of a year ≤ 10% of 一般公共预算支出. */
export const PPP_RED_LINE = 0.1;

export interface FiscalYear {
	year: number;
	/** 一般公共预算支出 as entered; null when the year has no capacity row (or no amount). */
	budget: number | null;
	/** The plan's 财政资金 and 专项债 that year, from the funding table. */
	planFiscal: number;
	planBond: number;
	/** planFiscal / budget; null without a budget. */
	fiscalShare: number | null;
	pppObligations: number | null;
	/** pppObligations / budget; null when either is missing. */
	pppShare: number | null;
	/** Index of the capacity row for the year (the first, when several), for pointers. */
	row: number | null;
}

const positive = (value: number | null | undefined) => Math.max(0, value ?? 0);

/** One entry per year that has funding or a capacity row, in year order. */
export function fiscalYears(
	funding: readonly FundingRow[],
	capacity: readonly FiscalCapacityRow[]
): FiscalYear[] {
	const years = new Map<number, FiscalYear>();
	const entry = (year: number) => {
		let found = years.get(year);
		if (!found) {
			found = {
				year,
				budget: null,
				planFiscal: 0,
				planBond: 0,
				fiscalShare: null,
				pppObligations: null,
				pppShare: null,
				row: null
			};
			years.set(year, found);
		}
		return found;
	};
	for (const row of funding) {
		if (row.year === null) continue;
		const year = entry(row.year);
		year.planFiscal += positive(row.fiscal);
		year.planBond += positive(row.bond);
	}
	capacity.forEach((row, index) => {
		if (row.year === null) return;
		const year = entry(row.year);
		if (year.row !== null) return;
		year.row = index;
		year.budget = row.budget !== null && row.budget > 0 ? row.budget : null;
		year.pppObligations = row.pppObligations === null ? null : positive(row.pppObligations);
	});
	for (const year of years.values()) {
		if (year.budget === null) continue;
		year.fiscalShare = year.planFiscal / year.budget;
		if (year.pppObligations !== null) year.pppShare = year.pppObligations / year.budget;
	}
	return [...years.values()].sort((a, b) => a.year - b.year);
}

/** 0.0312 → "3.12%": as a share is printed in a budget table. */
export function formatShare(share: number): string {
	return `${(Math.round(share * 10000) / 100).toFixed(2)}%`;
}

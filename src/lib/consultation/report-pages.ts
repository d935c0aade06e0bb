/**
 * The 意见采纳情况说明 page in pages (issue 15: 12 MiB of HTML at 10,000 opinions): the counts stay
 * for the whole round, the rows are filtered by section and result and shown 100 a page, each with
 * its serial number in its section's table (the number the DOCX and CSV print). Pure.
 */
import { z } from 'zod';
import { DISPOSITION_COLUMNS, type ReportRow, type ReportSection } from './report.ts';

export const REPORT_PAGE_ROWS = 100;

export const ReportPageQuery = z.object({
	clause: z.string().max(10).optional(),
	status: z.enum(DISPOSITION_COLUMNS).optional(),
	page: z.coerce.number().int().min(1).max(1_000_000).default(1)
});
export type ReportPageQuery = z.infer<typeof ReportPageQuery>;

/** The query of a URL; an unknown or malformed value is dropped, as if not given. */
export function reportPageQuery(params: URLSearchParams): ReportPageQuery {
	const pick = (key: string) => {
		const value = params.get(key);
		return value === null || value === '' ? undefined : value;
	};
	const whole = ReportPageQuery.safeParse({
		clause: pick('clause'),
		status: pick('status'),
		page: pick('page')
	});
	if (whole.success) return whole.data;
	// One bad value does not cost the others: each is kept when it is valid on its own.
	const shape = ReportPageQuery.shape;
	const clause = shape.clause.safeParse(pick('clause'));
	const status = shape.status.safeParse(pick('status'));
	const page = shape.page.safeParse(pick('page'));
	return {
		clause: clause.success ? clause.data : undefined,
		status: status.success ? status.data : undefined,
		page: page.success ? page.data : 1
	};
}

export interface PagedRow extends ReportRow {
	/** 序号 in its section's table. */
	serial: number;
}

export interface ReportPage {
	/** The page's rows, grouped by section in report order. */
	sections: (Omit<ReportSection, 'rows'> & { rows: PagedRow[] })[];
	/** Rows matching the filter, over all pages. */
	matched: number;
	page: number;
	pages: number;
}

export function reportPage(
	sections: readonly ReportSection[],
	query: ReportPageQuery,
	size = REPORT_PAGE_ROWS
): ReportPage {
	const rows: (PagedRow & { title: string })[] = [];
	for (const section of sections) {
		if (query.clause && section.clause !== query.clause) continue;
		for (const [i, row] of section.rows.entries()) {
			if (query.status && (row.disposition ?? 'pending') !== query.status) continue;
			rows.push({ ...row, clause: section.clause, serial: i + 1, title: section.title });
		}
	}
	const pages = Math.max(1, Math.ceil(rows.length / size));
	const page = Math.min(Math.max(query.page, 1), pages);
	const grouped: ReportPage['sections'] = [];
	for (const { title, ...row } of rows.slice((page - 1) * size, page * size)) {
		const last = grouped.at(-1);
		if (last?.clause === row.clause) last.rows.push(row);
		else grouped.push({ clause: row.clause, title, rows: [row] });
	}
	return { sections: grouped, matched: rows.length, page, pages };
}

/**
 * The page numbers a pager links: the first, the last, and two either side of the current one;
 * null marks a gap (…).
 */
export function pageLinks(page: number, pages: number): (number | null)[] {
	const shown = new Set([1, pages]);
	for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
	const sorted = [...shown].sort((a, b) => a - b);
	return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1] > 1 ? [null, p] : [p]));
}

import { reportPage, reportPageQuery, REPORT_PAGE_ROWS } from '#lib/consultation/report-pages.ts';
import { requireRoundReport } from '#lib/server/consultation/guard.ts';
import type { PageServerLoad } from './$types';

/** The counts for the whole round; the rows filtered and paged (the DOCX and CSV hold them all). */
export const load: PageServerLoad = (event) => {
	const { sections, ...report } = requireRoundReport(event);
	const query = reportPageQuery(event.url.searchParams);
	return {
		report,
		/** The filter's section choices, with each section's number of opinions. */
		sectionChoices: sections.map((s) => ({
			clause: s.clause,
			title: s.title,
			count: s.rows.length
		})),
		query: { clause: query.clause ?? '', status: query.status ?? '' },
		size: REPORT_PAGE_ROWS,
		...reportPage(sections, query)
	};
};

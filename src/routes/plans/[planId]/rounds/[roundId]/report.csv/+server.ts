import { requireRoundReport } from '#lib/server/consultation/guard.ts';
import { reportCsv, reportFileName } from '#lib/server/consultation/report-document.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const report = requireRoundReport(event);
	return new Response(reportCsv(report), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent(reportFileName(report, 'csv'))}`,
			'cache-control': 'no-store'
		}
	});
};

import { requireRoundReport } from '#lib/server/consultation/guard.ts';
import { reportDocx, reportFileName } from '#lib/server/consultation/report-document.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const report = requireRoundReport(event);
	const bytes = await reportDocx(report);
	return new Response(Buffer.from(bytes), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(reportFileName(report, 'docx'))}`,
			'cache-control': 'no-store'
		}
	});
};

import { requireRoundReportAccess } from '#lib/server/consultation/guard.ts';
import {
	reportFileKey,
	storedReportFile,
	storeReportFile
} from '#lib/server/consultation/report-file-cache.ts';
import { reportDocx, reportFileName } from '#lib/server/consultation/report-document.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const access = requireRoundReportAccess(event);
	const now = Date.now();
	// Those who see every opinion share one file per change of the round (report-file-cache.ts).
	const key = access.whole ? reportFileKey(access.round.id, now) : null;
	const stored = key ? storedReportFile(access.round.id, key) : undefined;
	let file = stored;
	if (!file) {
		const report = access.load();
		const bytes = await reportDocx(report, now);
		const fileName = reportFileName(report, 'docx');
		if (key) storeReportFile(access.round.id, key, bytes, fileName);
		file = { key: key ?? '', bytes, digest: '', fileName };
	}
	return new Response(Buffer.from(file.bytes), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'cache-control': 'no-store',
			'x-lantu-cache': !key ? 'none' : stored ? 'hit' : 'miss'
		}
	});
};

/** GET /plans/<id>/export/<docx|pdf|md|json>?edition=&numbering=&version=: the file, as a download. */
import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { requirePlanMember } from '#lib/server/guards.ts';
import {
	EXPORT_FORMATS,
	loadExportInput,
	renderExport,
	type ExportFormat
} from '#lib/server/export/index.ts';
import { contentDisposition } from '#lib/server/export/filename.ts';
import { PdfUnavailableError } from '#lib/server/export/pdf.ts';
import {
	exportPlanOf,
	exportSourceOrRefusal,
	parseExportQuery
} from '#lib/server/export/request.ts';
import { logger } from '#lib/server/log.ts';
import { instanceKey } from '#lib/server/verify/key.ts';
import type { RequestHandler } from './$types';

const log = logger('export');

export const GET: RequestHandler = async (event) => {
	const { plan, membership, user } = requirePlanMember(event);
	const format = event.params.format as ExportFormat;
	if (!EXPORT_FORMATS.includes(format)) error(404, { message: 'not found' });
	const query = parseExportQuery(event.url);
	const source = exportSourceOrRefusal(plan.id, membership, query);
	if (source instanceof Response) return source;
	const started = performance.now();
	const input = await loadExportInput(exportPlanOf(plan), source);
	try {
		// A frozen version's DOCX and PDF carry the instance's signed 验证信息 (see /verify).
		const file = await renderExport(input, format, {
			...query,
			signingKey: instanceKey().privateKeyPem
		});
		log.info(
			{
				planId: plan.id,
				userId: user.id,
				format,
				edition: query.edition,
				version: query.version,
				ms: Math.round(performance.now() - started)
			},
			'plan exported'
		);
		return new Response(typeof file.body === 'string' ? file.body : Buffer.from(file.body), {
			headers: {
				'content-type': file.contentType,
				'content-disposition': contentDisposition(file.filename),
				'cache-control': 'private, no-store'
			}
		});
	} catch (cause) {
		if (cause instanceof PdfUnavailableError) {
			const print = `/plans/${plan.id}/export/print?${event.url.searchParams.toString()}`;
			return new Response(m.export_pdf_unavailable({ url: print }), {
				status: 503,
				headers: { 'content-type': 'text/plain; charset=utf-8', 'x-print-url': print }
			});
		}
		throw cause;
	}
};

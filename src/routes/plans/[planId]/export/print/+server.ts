/** GET /plans/<id>/export/print: the print-optimised HTML of an export, viewable and printable. */
import { requirePlanMember } from '#lib/server/guards.ts';
import { loadExportInput, renderExport } from '#lib/server/export/index.ts';
import {
	exportPlanOf,
	exportSourceOrRefusal,
	parseExportQuery
} from '#lib/server/export/request.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { plan, membership } = requirePlanMember(event);
	const query = parseExportQuery(event.url);
	const source = exportSourceOrRefusal(plan.id, membership, query);
	if (source instanceof Response) return source;
	const input = await loadExportInput(exportPlanOf(plan), source);
	const file = await renderExport(input, 'html', query);
	return new Response(file.body as string, {
		headers: { 'content-type': file.contentType, 'cache-control': 'private, no-store' }
	});
};

import { error } from '@sveltejs/kit';
import { adoptionCsv } from '#lib/consultation/adoption.ts';
import { loadAdoption } from '#lib/server/consultation/adoption.ts';
import { opinionsPublicNow } from '#lib/server/consultation/openness.ts';
import { publicRound } from '#lib/server/consultation/public-pages.ts';
import type { RequestHandler } from './$types';

/** The public 采纳情况 as CSV (UTF-8 with BOM for Excel); only once its opinions are public (openness.ts). */
export const GET: RequestHandler = ({ params }) => {
	const round = publicRound(params.roundId);
	if (!opinionsPublicNow(round)) error(404, { message: 'not published yet' });
	const name = `征求意见采纳情况-${round.id}.csv`;
	return new Response(adoptionCsv(loadAdoption(round.id).rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="adoption-${round.id}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'public, max-age=60'
		}
	});
};

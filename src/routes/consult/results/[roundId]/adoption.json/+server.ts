import { error, json } from '@sveltejs/kit';
import { ADOPTION_FIELDS, countsLine } from '#lib/consultation/adoption.ts';
import { ACTIVITY_WORDS } from '#lib/consultation/vocabulary.ts';
import { loadAdoption } from '#lib/server/consultation/adoption.ts';
import { opinionsPublicNow } from '#lib/server/consultation/openness.ts';
import { publicRound } from '#lib/server/consultation/public-pages.ts';
import { getPlan } from '#lib/server/plans.ts';
import type { RequestHandler } from './$types';

/** The public 采纳情况 as JSON, with the description of every field; only once its opinions are public (openness.ts). */
export const GET: RequestHandler = ({ params }) => {
	const round = publicRound(params.roundId);
	if (!opinionsPublicNow(round)) error(404, { message: 'not published yet' });
	const { counts, rows } = loadAdoption(round.id);
	return json(
		{
			plan: getPlan(round.planId)?.name ?? '',
			activity: ACTIVITY_WORDS[round.activity],
			round: round.id,
			summary: countsLine(counts),
			counts,
			fields: ADOPTION_FIELDS,
			rows
		},
		{ headers: { 'cache-control': 'public, max-age=60' } }
	);
};

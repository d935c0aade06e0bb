import { ADOPTION_FIELDS, countsLine } from '#lib/consultation/adoption.ts';
import { loadAdoption, roundOver } from '#lib/server/consultation/adoption.ts';
import { opinionsPublicNow } from '#lib/server/consultation/openness.ts';
import { publicRound } from '#lib/server/consultation/public-pages.ts';
import { roundSummary } from '#lib/server/consultation/views.ts';
import { getPlan } from '#lib/server/plans.ts';
import type { PageServerLoad } from './$types';

/**
 * The public 采纳情况 of a round: no login; the table once the round is over, or from the start when
 * the round is 公开 (then marked as still in progress).
 */
/** Rows a page shows (a phone loads 100 rows, not 10,000); CSV and JSON hold every row. */
const PAGE_ROWS = 100;

export const load: PageServerLoad = ({ params, setHeaders, url }) => {
	const round = publicRound(params.roundId);
	const over = roundOver(round);
	const published = opinionsPublicNow(round);
	// Answers keep arriving until the record is frozen: a short shared cache at most.
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const adoption = published ? loadAdoption(round.id) : null;
	const summary = roundSummary(round);
	const pages = Math.max(1, Math.ceil((adoption?.rows.length ?? 0) / PAGE_ROWS));
	const asked = Number(url.searchParams.get('page') ?? 1);
	const page = Number.isSafeInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
	return {
		plan: { id: round.planId, name: getPlan(round.planId)?.name ?? '' },
		round: {
			id: summary.id,
			activity: summary.activity,
			versionSeq: summary.versionSeq,
			period: summary.period,
			phase: summary.phase
		},
		over,
		published,
		countsLine: adoption ? countsLine(adoption.counts) : null,
		counts: adoption?.counts ?? null,
		rows: (adoption?.rows ?? []).slice((page - 1) * PAGE_ROWS, page * PAGE_ROWS),
		page,
		pages,
		fields: ADOPTION_FIELDS.map((f) => ({ key: f.key, title: f.title, description: f.description }))
	};
};

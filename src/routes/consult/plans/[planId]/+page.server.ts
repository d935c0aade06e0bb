import { opinionsPublicNow } from '#lib/server/consultation/openness.ts';
import { publicPlanRounds } from '#lib/server/consultation/public-pages.ts';
import { getRound } from '#lib/server/consultation/round-data.ts';
import type { PageServerLoad } from './$types';

/**
 * A plan's public consultation page: its rounds, the public form of a running round that has one,
 * and the 采纳情况 of each round whose opinions are public (公开, or over). No login.
 */
export const load: PageServerLoad = ({ params, setHeaders }) => {
	const { plan, rounds } = publicPlanRounds(params.planId);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		plan,
		rounds: rounds.map((r) => {
			const stored = getRound(r.id);
			return {
				id: r.id,
				activity: r.activity,
				versionSeq: r.versionSeq,
				phase: r.phase,
				published: stored ? opinionsPublicNow(stored) : false,
				period: {
					opensAt: r.opensAt,
					closesAt: r.closesAt,
					days: r.days,
					closedAt: r.closedAt,
					closeReason: r.closeReason
				},
				// The public link is meant to be handed out; it is shown only while it takes comments.
				publicPath:
					r.hasPublicLink && r.phase === 'open' && stored?.publicToken
						? `/consult/${stored.publicToken}`
						: null
			};
		})
	};
};

import { z } from 'zod';
import { lineText } from '#lib/forms.ts';
import { roundCommentRefusal } from '#lib/policy/index.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { requireWork } from '#lib/server/consultation/pow.ts';
import { passageCommentSchema } from '#lib/server/consultation/comments.ts';
import { submitPublicComment } from '#lib/server/consultation/public.ts';
import { requirePublicRound } from '#lib/server/consultation/public-round.ts';
import { roundTimes } from '#lib/server/consultation/round-data.ts';
import { publicRoundOpinions } from '#lib/server/consultation/openness.ts';
import { roundSections, roundSummary } from '#lib/server/consultation/views.ts';
import { versionFigures } from '#lib/server/images/frozen.ts';
import { getPlan } from '#lib/server/plans.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, setHeaders }) => {
	const round = requirePublicRound(params.token);
	// The token is the credential: keep the page out of shared caches (referrers stay same-origin).
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		planId: round.planId,
		planName: getPlan(round.planId)?.name ?? '',
		round: roundSummary(round),
		refusal: roundCommentRefusal('public', roundTimes(round), Date.now()) ?? null,
		...roundSections(round),
		// The figures are part of the draft everyone with the link reads (openness rules are for opinions).
		figures: versionFigures(round.versionId),
		// 公开 rounds (and every round once over): the newest opinions of each section, masked.
		...publicRoundOpinions(round)
	};
};

const PublicComment = passageCommentSchema.extend({
	name: lineText.min(1, 'error:public-name-required').max(60),
	contact: lineText.max(120).optional(),
	altcha: z.string().max(8000).optional()
});

export const actions: Actions = {
	comment: async (event) => {
		const round = requirePublicRound(event.params.token);
		const parsed = parseForm(PublicComment, await event.request.formData(), 'comment');
		if (!parsed.ok) return parsed.failure;
		let ip = 'unknown';
		try {
			ip = event.getClientAddress();
		} catch {
			// No address (tests, some adapters): all such clients share one bucket.
		}
		const result = await attempt('comment', async () => {
			await requireWork(parsed.data.altcha);
			return submitPublicComment(round, parsed.data, ip);
		});
		if (!result.ok) return result.failure;
		return { form: 'comment', success: 'submitted' };
	}
};

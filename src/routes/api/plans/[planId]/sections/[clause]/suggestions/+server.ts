import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { actorOf } from '#lib/server/actor.ts';
import { attemptJson, readJson, requireApiMember } from '#lib/server/api.ts';
import { recordDecision, REPLACEMENT_MAX } from '#lib/server/suggestions/opinions.ts';
import type { RequestHandler } from './$types';

const Decision = z.object({
	suggestionId: z.string().min(1).max(400),
	outcome: z.enum(['accepted', 'rejected']),
	/** The suggestion's inserted words as accepted (edited first: 部分采纳). */
	inserted: z.string().max(REPLACEMENT_MAX * 2)
});

/**
 * The owner decided in the editor on a suggestion applied from a consultation 修改建议: checked
 * against the live draft, then the opinion is answered (修订, issue 17).
 */
export const POST: RequestHandler = async (event) => {
	const { plan } = requireApiMember(event);
	const input = await readJson(event.request, Decision);
	if (!input.ok) return input.response;
	return attemptJson(() => {
		const result = recordDecision(actorOf(event), plan.id, event.params.clause, input.data);
		return json(result);
	});
};

import { json } from '@sveltejs/kit';
import { attemptJson, readJson, requireApiMember } from '#lib/server/api.ts';
import { authorsOf, authorsSchema, requireHistoryReader } from '#lib/server/history.ts';
import type { RequestHandler } from './$types';

/** "Who wrote this": the users whose updates wrote the given Yjs items, with when. */
export const POST: RequestHandler = async (event) => {
	const { plan, user } = requireApiMember(event);
	const input = await readJson(event.request, authorsSchema);
	if (!input.ok) return input.response;
	return attemptJson(() => {
		requireHistoryReader(user.id, plan.id, event.params.clause);
		return json({ authors: authorsOf(plan.id, event.params.clause, input.data.ranges) });
	});
};

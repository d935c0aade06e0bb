import { json } from '@sveltejs/kit';
import { attemptJson, readJson, requireApiMember } from '#lib/server/api.ts';
import { actorOf } from '#lib/server/actor.ts';
import {
	namedVersionSchema,
	requireHistoryReader,
	saveNamedVersion,
	sectionHistory
} from '#lib/server/history.ts';
import type { RequestHandler } from './$types';

/** The section's versions, newest first, with the names of everyone in them. */
export const GET: RequestHandler = (event) => {
	const { plan, user } = requireApiMember(event);
	return attemptJson(() => {
		requireHistoryReader(user.id, plan.id, event.params.clause);
		return json(sectionHistory(plan.id, event.params.clause));
	});
};

/** Saves the current state as a named version (保存版本). */
export const POST: RequestHandler = async (event) => {
	const { plan, user } = requireApiMember(event);
	const input = await readJson(event.request, namedVersionSchema);
	if (!input.ok) return input.response;
	return attemptJson(() => {
		requireHistoryReader(user.id, plan.id, event.params.clause);
		const saved = saveNamedVersion(actorOf(event), plan.id, event.params.clause, input.data.label);
		return json(saved, { status: 201 });
	});
};

import { error, json } from '@sveltejs/kit';
import { attemptJson, requireApiMember } from '#lib/server/api.ts';
import { requireHistoryReader, versionView } from '#lib/server/history.ts';
import type { RequestHandler } from './$types';

/** A past state of the section, part by part, with its difference to now. */
export const GET: RequestHandler = (event) => {
	const { plan, user } = requireApiMember(event);
	const upTo = Number(event.params.upTo);
	if (!Number.isSafeInteger(upTo) || upTo <= 0) error(404, { message: 'not found' });
	return attemptJson(() => {
		requireHistoryReader(user.id, plan.id, event.params.clause);
		return json(versionView(plan.id, event.params.clause, upTo));
	});
};

import { json } from '@sveltejs/kit';
import { problem, readJson, requireApiMember } from '#lib/server/api.ts';
import { actorOf } from '#lib/server/actor.ts';
import { DomainError } from '#lib/server/errors.ts';
import { requireHistoryReader, restoreSchema, restoreVersion } from '#lib/server/history.ts';
import type { RequestHandler } from './$types';

/** Restores a past state as a new change by the caller (editors of the section, while drafting). */
export const POST: RequestHandler = async (event) => {
	const { plan, user } = requireApiMember(event);
	const input = await readJson(event.request, restoreSchema);
	if (!input.ok) return input.response;
	try {
		requireHistoryReader(user.id, plan.id, event.params.clause);
		const restored = await restoreVersion(
			actorOf(event),
			plan.id,
			event.params.clause,
			input.data.upTo
		);
		return json(restored);
	} catch (caught) {
		if (caught instanceof DomainError) return problem(caught.status, caught.code, caught.details);
		throw caught;
	}
};

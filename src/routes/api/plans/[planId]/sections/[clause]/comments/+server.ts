import { error, json } from '@sveltejs/kit';
import { attemptJson, readJson, requireApiMember } from '#lib/server/api.ts';
import { actorOf } from '#lib/server/actor.ts';
import { sectionAccess } from '#lib/server/access.ts';
import { createThread, listThreads, newThreadSchema } from '#lib/server/comments.ts';
import type { RequestHandler } from './$types';

/** The section's threads, for the panel's refresh after a change announcement. */
export const GET: RequestHandler = (event) => {
	const { plan, user } = requireApiMember(event);
	if (sectionAccess(user.id, plan.id, event.params.clause) === 'none') {
		error(403, { message: 'forbidden' });
	}
	return json({ threads: listThreads(plan.id, event.params.clause, user.id) });
};

/** Starts a thread on a text range or a structured row. */
export const POST: RequestHandler = async (event) => {
	const { plan } = requireApiMember(event);
	const input = await readJson(event.request, newThreadSchema);
	if (!input.ok) return input.response;
	return attemptJson(async () => {
		const { threadId } = await createThread(
			actorOf(event),
			plan.id,
			event.params.clause,
			input.data
		);
		return json({ threadId }, { status: 201 });
	});
};

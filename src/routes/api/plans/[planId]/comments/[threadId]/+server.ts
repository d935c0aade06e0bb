import { json } from '@sveltejs/kit';
import { attemptJson, problem, readJson, requireApiMember } from '#lib/server/api.ts';
import { actorOf } from '#lib/server/actor.ts';
import { actOnThread, threadActionSchema } from '#lib/server/comments.ts';
import type { RequestHandler } from './$types';

/** Reply to, resolve or reopen a thread. */
export const POST: RequestHandler = async (event) => {
	const { plan } = requireApiMember(event);
	const threadId = Number(event.params.threadId);
	if (!Number.isSafeInteger(threadId) || threadId <= 0) return problem(404, 'comment-not-found');
	const input = await readJson(event.request, threadActionSchema);
	if (!input.ok) return input.response;
	return attemptJson(async () => {
		await actOnThread(actorOf(event), plan.id, threadId, input.data);
		return json({ ok: true });
	});
};

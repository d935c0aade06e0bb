import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { proseText, tokenText } from '#lib/forms.ts';
import { PARTICIPANT_TYPES } from '#lib/consultation/period.ts';
import { canManagePlan } from '#lib/policy/index.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import {
	answerQueue,
	matchingKeys,
	QUEUE_PAGE,
	type QueueFilters
} from '#lib/server/consultation/answer-queue.ts';
import { answerMany, BULK_MAX } from '#lib/server/consultation/answers.ts';
import { assertRecordOpen } from '#lib/server/consultation/record.ts';
import { roundSummary } from '#lib/server/consultation/views.ts';
import { actorOf } from '#lib/server/actor.ts';
import { requirePlanRound } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** The round of the route, for members who answer some of its sections (403 for the rest). */
const Filters = z.object({
	clause: tokenText.max(10).optional().catch(undefined),
	stance: z.enum(['support', 'oppose', 'suggest']).optional().catch(undefined),
	type: z
		.enum(PARTICIPANT_TYPES as [string, ...string[]])
		.optional()
		.catch(undefined),
	status: z
		.enum(['pending', 'answered', 'adopted', 'partial', 'rejected'])
		.optional()
		.catch(undefined),
	q: proseText.max(100).optional().catch(undefined),
	group: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined)
});

/** The view's filters from a URL's query (a bad value is dropped, not an error: links are shared). */
function filtersOf(url: URL): QueueFilters {
	const params = Object.fromEntries(
		[...url.searchParams.entries()].filter(([k, v]) => v !== '' && !k.startsWith('/'))
	);
	return Filters.parse(params) as QueueFilters;
}

export const load: PageServerLoad = (event) => {
	const { plan, membership, round } = requirePlanRound(event);
	const filters = filtersOf(event.url);
	const queue = answerQueue(round, membership, filters);
	if (queue.clauses.length === 0) error(403, { message: 'forbidden' });
	let frozen = false;
	try {
		assertRecordOpen(plan.id, round.activity);
	} catch {
		frozen = true;
	}
	return {
		plan: { id: plan.id, name: plan.name },
		round: roundSummary(round),
		isAdmin: canManagePlan(membership),
		filters,
		queue,
		pageSize: QUEUE_PAGE,
		bulkMax: BULK_MAX,
		frozen
	};
};

const Bulk = z.object({
	disposition: z.enum(['adopted', 'partial', 'rejected']),
	reason: proseText.trim().min(1, 'error:reason-required').max(1990),
	/** Answering a near-duplicate group as one: 合并处理. */
	merged: z.literal('1').optional(),
	/** Every opinion the view's filters match, not only the ticked ones (up to BULK_MAX). */
	all: z.literal('1').optional()
});
const Targets = z.array(z.string().regex(/^[tp]\d{1,12}$/)).max(BULK_MAX);

export const actions: Actions = {
	answerMany: async (event) => {
		const { plan, membership, round } = requirePlanRound(event);
		const form = await event.request.formData();
		const parsed = parseForm(Bulk, form, 'bulk');
		if (!parsed.ok) return parsed.failure;
		const chosen = parsed.data.all
			? matchingKeys(round, membership, filtersOf(event.url), BULK_MAX + 1)
			: form.getAll('target');
		const ids = Targets.safeParse(chosen);
		if (!ids.success) {
			const tooMany = chosen.length > BULK_MAX;
			return fail(400, {
				form: 'bulk',
				error: tooMany ? 'bulk-too-many' : 'invalid',
				details: { max: BULK_MAX }
			});
		}
		const { disposition, merged } = parsed.data;
		const reason = merged ? `（合并处理）${parsed.data.reason}` : parsed.data.reason;
		const targets = ids.data.map((t) => ({
			kind: t.startsWith('t') ? ('thread' as const) : ('public' as const),
			id: Number(t.slice(1))
		}));
		const result = await attempt('bulk', () =>
			answerMany(actorOf(event), plan.id, round.id, targets, disposition, reason)
		);
		if (!result.ok) return result.failure;
		return { form: 'bulk', success: 'answered', count: result.value };
	}
};

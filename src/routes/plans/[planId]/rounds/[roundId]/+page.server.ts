import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { idField, proseText } from '#lib/forms.ts';
import {
	canConfirmAnswer,
	canManagePlan,
	roundCommentRefusal,
	seesAllConsultationComments,
	seesConsultationThread
} from '#lib/policy/index.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { moderatePublicComment } from '#lib/server/consultation/public.ts';
import { answerComment, confirmAnswer, mayAnswer } from '#lib/server/consultation/answers.ts';
import {
	commentOnRound,
	participantOf,
	passageCommentSchema
} from '#lib/server/consultation/comments.ts';
import { roundTimes } from '#lib/server/consultation/round-data.ts';
import { roundPublicComments, roundThreads } from '#lib/server/consultation/threads.ts';
import { publicCommentCard, roundSections, roundSummary } from '#lib/server/consultation/views.ts';
import { actorOf } from '#lib/server/actor.ts';
import {
	publishedOpinions,
	setOpinionsPublic,
	type PublishedOpinion
} from '#lib/server/consultation/openness.ts';
import { requirePlanRound } from '#lib/server/guards.ts';
import { versionFigures } from '#lib/server/images/frozen.ts';
import { collabAccess } from '#lib/server/access.ts';
import {
	applyReplacement,
	proposeReplacement,
	replacementsOfRound,
	REPLACEMENT_MAX
} from '#lib/server/suggestions/opinions.ts';
import { markRead } from '#lib/server/notifications.ts';
import { getDb, schema } from '#lib/server/db/index.ts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, membership, user, round } = requirePlanRound(event);
	const participant = participantOf(user.id);
	const refusal = roundCommentRefusal(participant?.type, roundTimes(round), Date.now());
	const { sections, integrity } = roundSections(round);
	const answerable = sections
		.map((s) => s.clause)
		.filter((clause) => mayAnswer(membership, plan.id, clause));
	const isAdmin = canManagePlan(membership);
	// Opening the round reads the notifications that point at it.
	const { notifications } = schema;
	const toRead = getDb()
		.select({ id: notifications.id })
		.from(notifications)
		.where(
			and(
				eq(notifications.userId, user.id),
				eq(notifications.roundId, round.id),
				isNull(notifications.readAt)
			)
		)
		.all()
		.map((n) => n.id);
	if (toRead.length > 0) markRead(user.id, toRead);
	const seesAll = seesAllConsultationComments(membership) || answerable.length > 0;
	const others = seesAll ? [] : publishedOpinions(round, { except: user.id });
	return {
		plan: { id: plan.id, name: plan.name },
		round: roundSummary(round),
		sections,
		figures: versionFigures(round.versionId),
		integrity,
		me: {
			id: user.id,
			participantType: participant?.type ?? null,
			refusal: refusal ?? null,
			isAdmin,
			answerable
		},
		threads: roundThreads(round.id)
			.filter((t) => seesConsultationThread(membership, answerable.length > 0, user.id, t.authorId))
			.map((t) => ({
				key: `t${t.id}`,
				kind: 'thread' as const,
				id: t.id,
				clause: t.clause,
				quote: t.quote,
				body: t.body,
				stance: t.stance ?? 'suggest',
				who: t.organization ?? t.authorName,
				participantType: t.participantType ?? 'government',
				mine: canConfirmAnswer(user.id, t.authorId),
				disposition: t.disposition,
				reason: t.reason,
				answeredAt: t.answeredAt?.getTime() ?? null,
				answerSeenAt: t.answerSeenAt?.getTime() ?? null,
				createdAt: t.createdAt.getTime()
			}))
			.concat(others.flatMap(publishedThread)),
		// A participant reads others' opinions only as the public does (公开, or once over).
		publicComments: seesAll
			? roundPublicComments(round.id)
					.filter((c) => c.status === 'approved' || isAdmin)
					.map((c) => ({
						...publicCommentCard(c),
						contact: isAdmin ? c.contact : null,
						status: c.status,
						hiddenReason: c.hiddenReason,
						createdAt: c.createdAt.getTime()
					}))
			: others.filter((o) => o.kind === 'public').map(publishedCard),
		// 修改建议 (issue 17): replacement wording of the opinions shown, and the sections whose
		// live draft the user may apply it to now (they write it: drafting, their department).
		replacements: replacementsOfRound(round.id).map((r) => ({
			threadId: r.threadId,
			replacement: r.replacement,
			applied: r.suggestionId !== null,
			outcome: r.outcome
		})),
		mayApply: sections
			.map((s) => s.clause)
			.filter((clause) => collabAccess(user.id, plan.id, clause) === 'write'),
		publicUrl:
			isAdmin && round.publicToken ? `${event.url.origin}/consult/${round.publicToken}` : null
	};
};

/** Another member's opinion as published, in the shape of the page's threads (not the reader's). */
function publishedThread(o: PublishedOpinion) {
	const type = o.participantType;
	if (o.kind !== 'thread' || type === 'public') return [];
	return [
		{
			...o,
			kind: 'thread' as const,
			participantType: type,
			mine: false,
			answeredAt: null,
			answerSeenAt: null
		}
	];
}

/** A published opinion in the shape of the page's public-link comments (no contact, approved). */
function publishedCard(o: PublishedOpinion) {
	const { participantType: _type, ...card } = o;
	return {
		...card,
		kind: 'public' as const,
		contact: null,
		status: 'approved' as const,
		hiddenReason: null
	};
}

const Comment = passageCommentSchema.extend({
	/** 修改建议: replacement wording for the quoted passage (optional). */
	replacement: proseText.max(REPLACEMENT_MAX).default('')
});
const ApplySuggestion = z.object({ id: idField });
const Answer = z.object({
	kind: z.enum(['thread', 'public']),
	id: idField,
	disposition: z.enum(['adopted', 'partial', 'rejected']),
	reason: proseText.trim().min(1, 'error:reason-required').max(2000)
});
const Confirm = z.object({ id: idField });
const Openness = z.object({ opinionsPublic: z.enum(['public', 'private']) });
const Moderate = z.object({
	id: idField,
	decision: z.enum(['approve', 'hide']),
	reason: proseText.max(500).default('')
});

export const actions: Actions = {
	comment: async (event) => {
		const { plan, round } = requirePlanRound(event);
		const parsed = parseForm(Comment, await event.request.formData(), 'comment');
		if (!parsed.ok) return parsed.failure;
		const { replacement, ...comment } = parsed.data;
		const result = await attempt('comment', async () => {
			const created = await commentOnRound(actorOf(event), plan.id, round.id, comment);
			proposeReplacement(created.threadId, replacement);
			return created;
		});
		if (!result.ok) return result.failure;
		return { form: 'comment', success: 'commented', threadId: result.value.threadId };
	},
	answer: async (event) => {
		const { plan, round } = requirePlanRound(event);
		const parsed = parseForm(Answer, await event.request.formData(), 'answer');
		if (!parsed.ok) return parsed.failure;
		const { kind, id, disposition, reason } = parsed.data;
		const result = await attempt('answer', () =>
			answerComment(actorOf(event), plan.id, round.id, { kind, id }, disposition, reason)
		);
		if (!result.ok) return result.failure;
		return { form: 'answer', success: 'answered' };
	},
	/** 修改建议 → a tracked suggestion in the live draft, in one click (issue 17). */
	applySuggestion: async (event) => {
		const { plan } = requirePlanRound(event);
		const parsed = parseForm(ApplySuggestion, await event.request.formData(), 'applySuggestion');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('applySuggestion', () =>
			applyReplacement(actorOf(event), plan.id, parsed.data.id)
		);
		// The opinion the failure concerns, so its card shows why.
		if (!result.ok)
			return fail(result.failure.status, { ...result.failure.data, threadId: parsed.data.id });
		return {
			form: 'applySuggestion',
			success: 'applied',
			threadId: parsed.data.id,
			clause: result.value.clause
		};
	},
	confirm: async (event) => {
		const { plan, round } = requirePlanRound(event);
		const parsed = parseForm(Confirm, await event.request.formData(), 'confirm');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('confirm', () =>
			confirmAnswer(actorOf(event), plan.id, round.id, parsed.data.id)
		);
		if (!result.ok) return result.failure;
		return { form: 'confirm', success: 'confirmed' };
	},
	/** 公开 / 不公开 while the round runs (the plan admin; audited). */
	openness: async (event) => {
		const { plan, round } = requirePlanRound(event);
		const parsed = parseForm(Openness, await event.request.formData(), 'openness');
		if (!parsed.ok) return parsed.failure;
		const value = parsed.data.opinionsPublic === 'public';
		const result = await attempt('openness', () =>
			setOpinionsPublic(actorOf(event), plan.id, round.id, value)
		);
		if (!result.ok) return result.failure;
		return { form: 'openness', success: value ? 'opinionsPublic' : 'opinionsPrivate' };
	},
	moderate: async (event) => {
		const { plan, round } = requirePlanRound(event);
		const parsed = parseForm(Moderate, await event.request.formData(), 'moderate');
		if (!parsed.ok) return parsed.failure;
		const { id, decision, reason } = parsed.data;
		const result = await attempt('moderate', () =>
			moderatePublicComment(actorOf(event), plan.id, round.id, id, decision, reason)
		);
		if (!result.ok) return result.failure;
		return { form: 'moderate', success: 'moderated' };
	}
};

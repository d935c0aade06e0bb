/**
 * The owning departments (or an admin) answer a round's comments 采纳 / 部分采纳 / 不采纳 with a
 * reason; the commenter is told and confirms they saw it (参与确认).
 */
import { and, eq } from 'drizzle-orm';
import type { Disposition } from '../../consultation/report.ts';
import { canAnswerConsultation, canConfirmAnswer } from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import { assignedOrganizationIds, getMembership } from '../access.ts';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { notify } from '../notifications.ts';
import { assertRecordOpen } from './record.ts';
import type { Actor } from '../actor.ts';
import { getRound, roundLink } from './round-data.ts';

/** Whether a member answers comments on a section: admins, and editors of an owning department. */
export function mayAnswer(membership: Membership | undefined, planId: number, clause: string) {
	return canAnswerConsultation(membership, assignedOrganizationIds(planId, clause));
}

export type AnswerTarget = { kind: 'thread' | 'public'; id: number };

/** One answer being recorded: who answers, on which round, with what. */
interface Answering {
	actor: Actor;
	planId: number;
	roundId: number;
	membership: ReturnType<typeof getMembership>;
	disposition: Disposition;
	reason: string;
	at: Date;
}

/** The owning department (or an admin) answers a comment of the round. */
export function answerComment(
	actor: Actor,
	planId: number,
	roundId: number,
	target: AnswerTarget,
	disposition: Disposition,
	rawReason: string
): void {
	const round = getRound(roundId);
	if (!round || round.planId !== planId) throw new DomainError('not-found', {}, 404);
	assertRecordOpen(planId, round.activity);
	const reason = rawReason.trim();
	if (!reason) throw new DomainError('reason-required');
	if (reason.length > 2000) throw new DomainError('invalid');
	const membership = getMembership(planId, actor.user.id);
	const answering = { actor, planId, roundId, membership, disposition, reason, at: new Date() };
	if (target.kind === 'thread') answerThread(answering, target.id);
	else answerPublic(answering, target.id);
}

function answerThread(a: Answering, threadId: number): void {
	const { actor, planId, roundId, disposition, reason, at } = a;
	const db = getDb();
	const t = schema.commentThreads;
	const thread = db
		.select()
		.from(t)
		.where(and(eq(t.id, threadId), eq(t.roundId, roundId)))
		.get();
	if (!thread) throw new DomainError('not-found', {}, 404);
	if (!mayAnswer(a.membership, planId, thread.clause))
		throw new DomainError('answer-forbidden', {}, 403);
	db.update(t)
		.set({
			disposition,
			dispositionReason: reason,
			dispositionBy: actor.user.id,
			dispositionAt: at,
			answerSeenAt: null,
			updatedAt: at
		})
		.where(eq(t.id, thread.id))
		.run();
	notify([thread.authorId], {
		kind: 'answer',
		planId,
		clause: thread.clause,
		threadId: thread.id,
		roundId,
		actorId: actor.user.id,
		link: `${roundLink(planId, roundId)}#c-t${thread.id}`,
		excerpt: reason
	});
	auditAnswered(a, { threadId: thread.id, clause: thread.clause });
}

function answerPublic(a: Answering, commentId: number): void {
	const { actor, planId, roundId, disposition, reason, at } = a;
	const db = getDb();
	const p = schema.publicComments;
	const comment = db
		.select()
		.from(p)
		.where(and(eq(p.id, commentId), eq(p.roundId, roundId)))
		.get();
	if (!comment || comment.status !== 'approved') throw new DomainError('not-found', {}, 404);
	if (!mayAnswer(a.membership, planId, comment.clause))
		throw new DomainError('answer-forbidden', {}, 403);
	db.update(p)
		.set({
			disposition,
			dispositionReason: reason,
			dispositionBy: actor.user.id,
			dispositionAt: at
		})
		.where(eq(p.id, comment.id))
		.run();
	auditAnswered(a, { publicCommentId: comment.id, clause: comment.clause });
}

function auditAnswered(a: Answering, which: Record<string, unknown>): void {
	appendAudit({
		action: 'consultation.answered',
		actorId: a.actor.user.id,
		planId: a.planId,
		target: `round:${a.roundId}`,
		ip: a.actor.ip,
		details: { ...which, disposition: a.disposition, reason: a.reason }
	});
}

/** 参与确认: the commenter confirms they saw the answer to their comment. */
export function confirmAnswer(actor: Actor, planId: number, roundId: number, threadId: number) {
	const t = schema.commentThreads;
	const thread = getDb()
		.select()
		.from(t)
		.where(and(eq(t.id, threadId), eq(t.roundId, roundId), eq(t.planId, planId)))
		.get();
	if (!thread) throw new DomainError('not-found', {}, 404);
	if (!canConfirmAnswer(actor.user.id, thread.authorId))
		throw new DomainError('confirm-forbidden', {}, 403);
	if (!thread.disposition) throw new DomainError('answer-missing', {}, 409);
	if (thread.answerSeenAt) return;
	const round = getRound(roundId);
	if (round) assertRecordOpen(planId, round.activity);
	getDb().update(t).set({ answerSeenAt: new Date() }).where(eq(t.id, threadId)).run();
	appendAudit({
		action: 'consultation.answer_confirmed',
		actorId: actor.user.id,
		planId,
		target: `round:${roundId}`,
		ip: actor.ip,
		details: { threadId, disposition: thread.disposition }
	});
}

/** Most opinions one bulk answer may carry (a page of the answer view is smaller). */
export const BULK_MAX = 2000;

/**
 * One disposition and reason for many opinions of the round (批量答复): each is checked and
 * answered as `answerComment` does (its author notified, its own audit entry), all in one
 * transaction — one refusal and none is answered, so the department never wonders which went through.
 */
export function answerMany(
	actor: Actor,
	planId: number,
	roundId: number,
	targets: readonly AnswerTarget[],
	disposition: Disposition,
	reason: string
): number {
	const unique = [...new Map(targets.map((t) => [`${t.kind}:${t.id}`, t])).values()];
	if (unique.length === 0) throw new DomainError('bulk-empty');
	if (unique.length > BULK_MAX) throw new DomainError('bulk-too-many', { max: BULK_MAX });
	getDb().$client.transaction(() => {
		for (const target of unique) answerComment(actor, planId, roundId, target, disposition, reason);
	})();
	return unique.length;
}

/**
 * The owning departments (or an admin) answer a round's comments 采纳 / 部分采纳 / 不采纳 with a
 * reason; the commenter is told and confirms they saw it (参与确认).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Disposition } from '../../consultation/report.ts';
import { canAnswerConsultation, canConfirmAnswer } from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import { assignedOrganizationIds, getMembership } from '../access.ts';
import { appendAudit, appendAuditMany } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { notifyEach } from '../notifications.ts';
import { assertRecordOpen } from './record.ts';
import type { Actor } from '../actor.ts';
import { getRound, roundLink } from './round-data.ts';

/** Whether a member answers comments on a section: admins, and editors of an owning department. */
export function mayAnswer(membership: Membership | undefined, planId: number, clause: string) {
	return canAnswerConsultation(membership, assignedOrganizationIds(planId, clause));
}

export type AnswerTarget = { kind: 'thread' | 'public'; id: number };

/** The owning department (or an admin) answers a comment of the round. */
export function answerComment(
	actor: Actor,
	planId: number,
	roundId: number,
	target: AnswerTarget,
	disposition: Disposition,
	rawReason: string
): void {
	answerTargets(actor, planId, roundId, [target], disposition, rawReason);
}

/** Ids per `IN (…)` list when many opinions are read or updated at once. */
const ID_BATCH = 500;

function batches<T>(items: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += ID_BATCH) out.push(items.slice(i, i + ID_BATCH));
	return out;
}

type TargetRow = { clause: string; authorId: number | null; approved: boolean };

/** The targets' rows of the round, by `kind:id` (absent: not of this round). */
function targetRows(roundId: number, targets: readonly AnswerTarget[]): Map<string, TargetRow> {
	const db = getDb();
	const t = schema.commentThreads;
	const p = schema.publicComments;
	const rows = new Map<string, TargetRow>();
	const ids = (kind: AnswerTarget['kind']) =>
		targets.filter((x) => x.kind === kind).map((x) => x.id);
	for (const chunk of batches(ids('thread'))) {
		const found = db
			.select({ id: t.id, clause: t.clause, authorId: t.authorId })
			.from(t)
			.where(and(eq(t.roundId, roundId), inArray(t.id, chunk)))
			.all();
		for (const r of found)
			rows.set(`thread:${r.id}`, { clause: r.clause, authorId: r.authorId, approved: true });
	}
	for (const chunk of batches(ids('public'))) {
		const found = db
			.select({ id: p.id, clause: p.clause, status: p.status })
			.from(p)
			.where(and(eq(p.roundId, roundId), inArray(p.id, chunk)))
			.all();
		for (const r of found)
			rows.set(`public:${r.id}`, {
				clause: r.clause,
				authorId: null,
				approved: r.status === 'approved'
			});
	}
	return rows;
}

/**
 * Records one disposition and reason for the targets, in one transaction: each target is checked
 * (of this round, a public one approved, a section the member answers — the first refusal in the
 * targets' order ends it and nothing is answered), then all are updated, each member author
 * notified and each answer audited, with batched statements and one pass over the audit chain.
 */
function answerTargets(
	actor: Actor,
	planId: number,
	roundId: number,
	targets: readonly AnswerTarget[],
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
	const allowed = new Map<string, boolean>();
	const may = (clause: string) => {
		if (!allowed.has(clause)) allowed.set(clause, mayAnswer(membership, planId, clause));
		return allowed.get(clause) === true;
	};
	const at = new Date();
	const db = getDb();
	db.$client.transaction(() => {
		const rows = targetRows(roundId, targets);
		const checked = targets.map((target) => {
			const row = rows.get(`${target.kind}:${target.id}`);
			if (!row?.approved) throw new DomainError('not-found', {}, 404);
			if (!may(row.clause)) throw new DomainError('answer-forbidden', {}, 403);
			return { ...target, ...row };
		});
		const threads = checked.filter((c) => c.kind === 'thread');
		const open = checked.filter((c) => c.kind === 'public');
		const answer = { disposition, dispositionReason: reason, dispositionBy: actor.user.id };
		for (const chunk of batches(threads.map((c) => c.id)))
			db.update(schema.commentThreads)
				.set({ ...answer, dispositionAt: at, answerSeenAt: null, updatedAt: at })
				.where(inArray(schema.commentThreads.id, chunk))
				.run();
		for (const chunk of batches(open.map((c) => c.id)))
			db.update(schema.publicComments)
				.set({ ...answer, dispositionAt: at })
				.where(inArray(schema.publicComments.id, chunk))
				.run();
		notifyEach(
			threads.map((c) => ({
				userIds: c.authorId === null ? [] : [c.authorId],
				input: {
					kind: 'answer' as const,
					planId,
					clause: c.clause,
					threadId: c.id,
					roundId,
					actorId: actor.user.id,
					link: `${roundLink(planId, roundId)}#c-t${c.id}`,
					excerpt: reason
				}
			}))
		);
		appendAuditMany(
			checked.map((c) => ({
				action: 'consultation.answered' as const,
				actorId: actor.user.id,
				planId,
				target: `round:${roundId}`,
				ip: actor.ip,
				details: {
					...(c.kind === 'thread' ? { threadId: c.id } : { publicCommentId: c.id }),
					clause: c.clause,
					disposition,
					reason
				}
			}))
		);
	})();
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
	answerTargets(actor, planId, roundId, unique, disposition, reason);
	return unique.length;
}

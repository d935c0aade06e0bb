/**
 * Public consultation rounds (issue 5, DESIGN.md §4). A round is opened by the workflow's 发布征求意见稿
 * (one transaction with the frozen version) and closed by 结束征求意见. Members of the invited
 * participant groups comment on passages of the frozen version with a stance; the owning departments
 * answer each comment 采纳 / 部分采纳 / 不采纳 with a reason; the commenter confirms they saw it.
 * Every rule is decided here with the server clock; pages only mirror the answers.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import {
	closesEarly,
	periodText,
	roundPhase,
	type ParticipantGroup,
	type PeriodFacts,
	type RoundConfig
} from '../../consultation/period.ts';
import { frozenParts, quoteOf } from '../../consultation/passages.ts';
import { ACTIVITY_WORDS } from '../../consultation/vocabulary.ts';
import type { Disposition, Stance } from '../../consultation/report.ts';
import { COMMENT_LIMITS } from '../../comments/limits.ts';
import {
	canAnswerConsultation,
	canConfirmAnswer,
	roundCommentRefusal
} from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import { findSection, type Activity } from '../../standard/sections.ts';
import type { VersionPayload } from '../../workflow/version.ts';
import { assignedOrganizationIds, getMembership } from '../access.ts';
import { appendAudit } from '../audit/index.ts';
import { cleanCommentBody } from '../comment-body.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { notify } from '../notifications.ts';
import { requireVerifiedPayload } from '../workflow/integrity.ts';
import { getVersion } from '../workflow/versions.ts';
import { assertRecordOpen } from './record.ts';

export interface RoundActor {
	userId: number;
	ip?: string | null;
}

export type ConsultationRound = typeof schema.consultationRounds.$inferSelect;

export function roundLink(planId: number, roundId: number): string {
	return `/plans/${planId}/rounds/${roundId}`;
}

export function groupsOf(round: Pick<ConsultationRound, 'groups'>): ParticipantGroup[] {
	return JSON.parse(round.groups) as ParticipantGroup[];
}

export function roundTimes(round: ConsultationRound) {
	return {
		opensAt: round.opensAt.getTime(),
		closesAt: round.closesAt.getTime(),
		closedAt: round.closedAt?.getTime() ?? null,
		groups: groupsOf(round)
	};
}

export function getRound(roundId: number): ConsultationRound | undefined {
	return getDb()
		.select()
		.from(schema.consultationRounds)
		.where(eq(schema.consultationRounds.id, roundId))
		.get();
}

export function roundByToken(token: string): ConsultationRound | undefined {
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
	return getDb()
		.select()
		.from(schema.consultationRounds)
		.where(eq(schema.consultationRounds.publicToken, token))
		.get();
}

/** The rounds of a plan, newest first, with their phase now. */
export function listRounds(planId: number, now = Date.now()) {
	const r = schema.consultationRounds;
	return getDb()
		.select({
			round: r,
			seq: schema.activityVersions.seq,
			hash: schema.activityVersions.hash
		})
		.from(r)
		.innerJoin(schema.activityVersions, eq(r.versionId, schema.activityVersions.id))
		.where(eq(r.planId, planId))
		.orderBy(desc(r.id))
		.all()
		.map(({ round, seq, hash }) => ({
			id: round.id,
			activity: round.activity,
			versionId: round.versionId,
			versionSeq: seq,
			hash,
			groups: groupsOf(round),
			opensAt: round.opensAt.getTime(),
			closesAt: round.closesAt.getTime(),
			closedAt: round.closedAt?.getTime() ?? null,
			closeReason: round.closeReason,
			days: round.days,
			shortReason: round.shortReason,
			hasPublicLink: round.publicToken !== null,
			phase: roundPhase(roundTimes(round), now)
		}));
}

/** Members of the plan whose organization type is one of the groups. */
function participantsOf(planId: number, groups: readonly ParticipantGroup[]): number[] {
	if (groups.length === 0) return [];
	return getDb()
		.selectDistinct({ id: schema.users.id })
		.from(schema.planMembers)
		.innerJoin(schema.users, eq(schema.planMembers.userId, schema.users.id))
		.innerJoin(schema.organizations, eq(schema.users.organizationId, schema.organizations.id))
		.where(
			and(
				eq(schema.planMembers.planId, planId),
				inArray(schema.organizations.type, [...groups]),
				isNull(schema.users.disabledAt)
			)
		)
		.all()
		.map((r) => r.id);
}

/**
 * Opens a round for a just-published 征求意见稿. Runs inside the workflow's publish transaction;
 * returns what `announceRound` needs afterwards.
 */
export function openRound(
	planId: number,
	activity: Activity,
	versionId: number,
	config: RoundConfig,
	actor: RoundActor
): ConsultationRound {
	const round = getDb()
		.insert(schema.consultationRounds)
		.values({
			planId,
			activity,
			versionId,
			groups: JSON.stringify(config.groups),
			opensAt: new Date(config.opensAt),
			closesAt: new Date(config.closesAt),
			days: config.days,
			shortReason: config.shortReason,
			publicToken: config.publicLink ? randomBytes(24).toString('base64url') : null,
			createdBy: actor.userId
		})
		.returning()
		.get();
	appendAudit({
		action: 'consultation.opened',
		actorId: actor.userId,
		planId,
		target: `round:${round.id}`,
		ip: actor.ip ?? null,
		details: {
			activity,
			versionId,
			groups: config.groups,
			opensAt: config.opensAt,
			closesAt: config.closesAt,
			days: config.days,
			shortReason: config.shortReason,
			publicLink: config.publicLink
		}
	});
	return round;
}

/** The notification text of a round, in the document's language like its report. */
function roundExcerpt(round: ConsultationRound): string {
	const version = getVersion(round.versionId);
	const text = `${ACTIVITY_WORDS[round.activity]}征求意见稿（第${version?.seq ?? ''}版），征求意见期${periodText(periodFacts(round))}`;
	return round.shortReason ? `${text}。${round.shortReason}` : text;
}

/** What the period's wording needs (periodText). */
export function periodFacts(round: ConsultationRound): PeriodFacts {
	return {
		opensAt: round.opensAt.getTime(),
		closesAt: round.closesAt.getTime(),
		days: round.days,
		closedAt: round.closedAt?.getTime() ?? null,
		closeReason: round.closeReason
	};
}

/** The activity's rounds still open that would close before their planned end now. */
export function roundsClosingEarly(
	planId: number,
	activity: Activity,
	now = Date.now()
): ConsultationRound[] {
	const r = schema.consultationRounds;
	return getDb()
		.select()
		.from(r)
		.where(and(eq(r.planId, planId), eq(r.activity, activity), isNull(r.closedAt)))
		.all()
		.filter((round) => closesEarly(roundTimes(round), now));
}

/** Tells the invited participants that a round opened. */
export function announceRound(round: ConsultationRound, actorId: number): void {
	notify(participantsOf(round.planId, groupsOf(round)), {
		kind: 'round_opened',
		planId: round.planId,
		roundId: round.id,
		actorId,
		link: roundLink(round.planId, round.id),
		excerpt: roundExcerpt(round)
	});
}

/** Closes the activity's open rounds (inside the workflow's close transaction); returns them. */
export function closeRounds(
	planId: number,
	activity: Activity,
	actor: RoundActor,
	/** Required by the caller when a round closes before its planned end; stored for those. */
	reason: string | null = null
): ConsultationRound[] {
	const r = schema.consultationRounds;
	const open = getDb()
		.select()
		.from(r)
		.where(and(eq(r.planId, planId), eq(r.activity, activity), isNull(r.closedAt)))
		.all();
	const at = new Date();
	const closed: ConsultationRound[] = [];
	for (const round of open) {
		const early = closesEarly(roundTimes(round), at.getTime());
		const closeReason = early ? reason : null;
		getDb()
			.update(r)
			.set({ closedAt: at, closedBy: actor.userId, closeReason })
			.where(eq(r.id, round.id))
			.run();
		appendAudit({
			action: 'consultation.closed',
			actorId: actor.userId,
			planId,
			target: `round:${round.id}`,
			ip: actor.ip ?? null,
			details: { activity, versionId: round.versionId, early, reason: closeReason }
		});
		closed.push({ ...round, closedAt: at, closedBy: actor.userId, closeReason });
	}
	return closed;
}

/** Tells the participants and everyone who commented that a round closed (once per round). */
export function announceClosed(rounds: readonly ConsultationRound[], actorId: number | null): void {
	const r = schema.consultationRounds;
	for (const round of rounds) {
		if (round.endNotifiedAt) continue;
		getDb().update(r).set({ endNotifiedAt: new Date() }).where(eq(r.id, round.id)).run();
		const commenters = getDb()
			.selectDistinct({ id: schema.commentThreads.authorId })
			.from(schema.commentThreads)
			.where(eq(schema.commentThreads.roundId, round.id))
			.all()
			.map((r) => r.id);
		notify([...participantsOf(round.planId, groupsOf(round)), ...commenters], {
			kind: 'round_closed',
			planId: round.planId,
			roundId: round.id,
			actorId,
			link: roundLink(round.planId, round.id),
			excerpt: roundExcerpt(round)
		});
	}
}

/**
 * Rounds whose period ended without the workflow closing them: tell their participants once.
 * Runs with the server's housekeeping.
 */
export function announceEndedRounds(now = Date.now()): number {
	const r = schema.consultationRounds;
	const ended = getDb()
		.select()
		.from(r)
		.where(and(lte(r.closesAt, new Date(now)), isNull(r.closedAt), isNull(r.endNotifiedAt)))
		.all();
	announceClosed(ended, null);
	return ended.length;
}

/** The round's frozen version, verified (409 `integrity-failed` when its content was altered). */
export function roundPayload(round: ConsultationRound): VersionPayload {
	return requireVerifiedPayload(round.versionId);
}

/** The participant type of a member: their organization's type. */
export function participantOf(userId: number) {
	return getDb()
		.select({ organizationId: schema.organizations.id, type: schema.organizations.type })
		.from(schema.users)
		.innerJoin(schema.organizations, eq(schema.users.organizationId, schema.organizations.id))
		.where(eq(schema.users.id, userId))
		.get();
}

/** Whether a member answers comments on a section: admins, and editors of an owning department. */
export function mayAnswer(membership: Membership | undefined, planId: number, clause: string) {
	return canAnswerConsultation(membership, assignedOrganizationIds(planId, clause));
}

export interface PassageAnchor {
	clause: string;
	part: string;
	start: number;
	end: number;
}

/** Checks an anchor against the frozen version; returns the quote and a little context. */
export function resolveAnchor(round: ConsultationRound, anchor: PassageAnchor) {
	if (findSection(anchor.clause)?.activity !== round.activity)
		throw new DomainError('comment-anchor-invalid');
	const section = roundPayload(round).sections.find((s) => s.clause === anchor.clause);
	const part = section
		? frozenParts(section.rendering).find((p) => p.part === anchor.part)
		: undefined;
	const quote = part ? quoteOf(part.text, anchor.start, anchor.end) : undefined;
	if (!part || quote === undefined) throw new DomainError('comment-anchor-invalid');
	return {
		quote: quote.slice(0, COMMENT_LIMITS.quote),
		before: part.text.slice(Math.max(0, anchor.start - COMMENT_LIMITS.context), anchor.start),
		after: part.text.slice(anchor.end, anchor.end + COMMENT_LIMITS.context)
	};
}

/** A light per-user limit on consultation comments, in memory. */
const recent = new Map<number, number[]>();
function throttleUser(userId: number): void {
	const now = Date.now();
	const times = (recent.get(userId) ?? []).filter((t) => now - t < 60_000);
	if (times.length >= COMMENT_LIMITS.perMinute)
		throw new DomainError('comment-rate-limited', {}, 429);
	times.push(now);
	recent.set(userId, times);
	if (recent.size > 10_000) recent.clear();
}

/** A member of an invited group comments on a passage during the round's period. */
export function commentOnRound(
	actor: RoundActor,
	planId: number,
	roundId: number,
	input: PassageAnchor & { stance: Stance; body: string }
): { threadId: number } {
	const round = getRound(roundId);
	if (!round || round.planId !== planId) throw new DomainError('not-found', {}, 404);
	const participant = getMembership(planId, actor.userId) ? participantOf(actor.userId) : undefined;
	const refusal = roundCommentRefusal(participant?.type, roundTimes(round), Date.now());
	if (refusal || !participant)
		throw new DomainError(
			refusal ?? 'round-not-invited',
			{},
			refusal && refusal !== 'round-not-invited' ? 409 : 403
		);
	assertRecordOpen(planId, round.activity);
	const body = cleanCommentBody(input.body);
	const anchor = resolveAnchor(round, input);
	throttleUser(actor.userId);
	const db = getDb();
	const threadId = db.transaction(() => {
		const thread = db
			.insert(schema.commentThreads)
			.values({
				planId,
				clause: input.clause,
				anchorKind: 'text',
				fragment: input.part,
				anchorStart: String(input.start),
				anchorEnd: String(input.end),
				quote: anchor.quote,
				contextBefore: anchor.before,
				contextAfter: anchor.after,
				authorId: actor.userId,
				roundId,
				stance: input.stance,
				organizationId: participant.organizationId,
				participantType: participant.type
			})
			.returning({ id: schema.commentThreads.id })
			.get();
		db.insert(schema.comments).values({ threadId: thread.id, authorId: actor.userId, body }).run();
		return thread.id;
	});
	appendAudit({
		action: 'consultation.commented',
		actorId: actor.userId,
		planId,
		target: `round:${roundId}`,
		ip: actor.ip ?? null,
		details: {
			threadId,
			clause: input.clause,
			part: input.part,
			start: input.start,
			end: input.end,
			stance: input.stance,
			participantType: participant.type,
			organizationId: participant.organizationId
		}
	});
	return { threadId };
}

export type AnswerTarget = { kind: 'thread' | 'public'; id: number };

/** The owning department (or an admin) answers a comment of the round. */
export function answerComment(
	actor: RoundActor,
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
	const membership = getMembership(planId, actor.userId);
	const db = getDb();
	const at = new Date();
	if (target.kind === 'thread') {
		const t = schema.commentThreads;
		const thread = db
			.select()
			.from(t)
			.where(and(eq(t.id, target.id), eq(t.roundId, roundId)))
			.get();
		if (!thread) throw new DomainError('not-found', {}, 404);
		if (!mayAnswer(membership, planId, thread.clause))
			throw new DomainError('answer-forbidden', {}, 403);
		db.update(t)
			.set({
				disposition,
				dispositionReason: reason,
				dispositionBy: actor.userId,
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
			actorId: actor.userId,
			link: `${roundLink(planId, roundId)}#c-t${thread.id}`,
			excerpt: reason
		});
		appendAudit({
			action: 'consultation.answered',
			actorId: actor.userId,
			planId,
			target: `round:${roundId}`,
			ip: actor.ip ?? null,
			details: { threadId: thread.id, clause: thread.clause, disposition, reason }
		});
		return;
	}
	const p = schema.publicComments;
	const comment = db
		.select()
		.from(p)
		.where(and(eq(p.id, target.id), eq(p.roundId, roundId)))
		.get();
	if (!comment || comment.status !== 'approved') throw new DomainError('not-found', {}, 404);
	if (!mayAnswer(membership, planId, comment.clause))
		throw new DomainError('answer-forbidden', {}, 403);
	db.update(p)
		.set({ disposition, dispositionReason: reason, dispositionBy: actor.userId, dispositionAt: at })
		.where(eq(p.id, comment.id))
		.run();
	appendAudit({
		action: 'consultation.answered',
		actorId: actor.userId,
		planId,
		target: `round:${roundId}`,
		ip: actor.ip ?? null,
		details: { publicCommentId: comment.id, clause: comment.clause, disposition, reason }
	});
}

/** 参与确认: the commenter confirms they saw the answer to their comment. */
export function confirmAnswer(
	actor: RoundActor,
	planId: number,
	roundId: number,
	threadId: number
) {
	const t = schema.commentThreads;
	const thread = getDb()
		.select()
		.from(t)
		.where(and(eq(t.id, threadId), eq(t.roundId, roundId), eq(t.planId, planId)))
		.get();
	if (!thread) throw new DomainError('not-found', {}, 404);
	if (!canConfirmAnswer(actor.userId, thread.authorId))
		throw new DomainError('confirm-forbidden', {}, 403);
	if (!thread.disposition) throw new DomainError('answer-missing', {}, 409);
	if (thread.answerSeenAt) return;
	const round = getRound(roundId);
	if (round) assertRecordOpen(planId, round.activity);
	getDb().update(t).set({ answerSeenAt: new Date() }).where(eq(t.id, threadId)).run();
	appendAudit({
		action: 'consultation.answer_confirmed',
		actorId: actor.userId,
		planId,
		target: `round:${roundId}`,
		ip: actor.ip ?? null,
		details: { threadId, disposition: thread.disposition }
	});
}

/** Consultation comments of a round, with their authors and answers. */
export function roundThreads(roundId: number) {
	const t = schema.commentThreads;
	const author = schema.users;
	return getDb()
		.select({
			id: t.id,
			clause: t.clause,
			part: t.fragment,
			start: t.anchorStart,
			end: t.anchorEnd,
			quote: t.quote,
			stance: t.stance,
			participantType: t.participantType,
			organization: schema.organizations.name,
			authorId: t.authorId,
			authorName: author.displayName,
			disposition: t.disposition,
			reason: t.dispositionReason,
			answeredAt: t.dispositionAt,
			answerSeenAt: t.answerSeenAt,
			createdAt: t.createdAt,
			body: schema.comments.body
		})
		.from(t)
		.innerJoin(author, eq(t.authorId, author.id))
		.leftJoin(schema.organizations, eq(t.organizationId, schema.organizations.id))
		.innerJoin(schema.comments, eq(schema.comments.threadId, t.id))
		.where(eq(t.roundId, roundId))
		.orderBy(asc(t.id), asc(schema.comments.id))
		.all()
		.filter((row, i, all) => all.findIndex((r) => r.id === row.id) === i);
}

export function roundPublicComments(roundId: number) {
	const p = schema.publicComments;
	return getDb().select().from(p).where(eq(p.roundId, roundId)).orderBy(asc(p.id)).all();
}

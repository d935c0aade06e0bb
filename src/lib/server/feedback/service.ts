/**
 * 5.1.3 feedback (issue 14): while activity N is under way, its people check the previous
 * activity's 定稿 and file feedback anchored to a section of it (optionally a block row or quoted
 * words); N−1's owning departments answer 采纳 — reopening N−1 at once (plan admins, through the
 * workflow's own reopen) or recording it for N−1's next revision — or 不采纳 with a reason. Every
 * filing and answer is audited on N−1's timeline and told to the other side in the inbox.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { cleanProse } from '../../text-rules.ts';
import {
	FEEDBACK_ANSWER_MAX,
	FEEDBACK_QUOTE_MAX,
	FEEDBACK_TEXT_MAX,
	feedbackRows,
	quoteInSection
} from '../../feedback/anchor.ts';
import {
	canActOnWorkflow,
	canAnswerFeedback,
	canFileFeedback,
	feedbackWindowRefusal,
	hasRole
} from '../../policy/index.ts';
import { findSection, type Activity } from '../../standard/sections.ts';
import type { Actor } from '../actor.ts';
import { getMembership } from '../access.ts';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import type { FeedbackDisposition, FeedbackResolution } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { excerptOf, notify } from '../notifications.ts';
import { requireVerifiedPayload } from '../workflow/integrity.ts';
import { performAction } from '../workflow/service.ts';
import { activityOwners, feedbackFacts, ownersOf } from './facts.ts';

export interface FeedbackInput {
	clause: string;
	/** `blockKey:rowId` of a row of the section in N−1's 定稿. */
	row?: string;
	quote?: string;
	text: string;
}

export interface AnswerInput {
	disposition: FeedbackDisposition;
	/** 采纳 only: reopen N−1 now, or record it for its next revision. */
	resolution?: FeedbackResolution;
	/** 不采纳: the reason (required); 采纳: an optional note. */
	answer?: string;
}

function member(planId: number, actor: Actor) {
	const membership = getMembership(planId, actor.user.id);
	if (!membership) throw new DomainError('not-found', {}, 404);
	return membership;
}

const WINDOW_ERRORS = {
	'no-previous': ['feedback-no-previous', 400],
	'previous-not-final': ['feedback-no-final', 409],
	closed: ['feedback-closed', 409]
} as const;

/** The anchor checked against the frozen section of N−1's 定稿. */
function anchorOf(versionId: number, previous: Activity, input: FeedbackInput) {
	if (findSection(input.clause)?.activity !== previous)
		throw new DomainError('feedback-section', {}, 400);
	const section = requireVerifiedPayload(versionId).sections.find((s) => s.clause === input.clause);
	if (!section) throw new DomainError('feedback-section', {}, 400);
	let row: { blockKey: string; rowId: string; label: string } | undefined;
	if (input.row) {
		row = feedbackRows(section.rendering).find((r) => `${r.blockKey}:${r.rowId}` === input.row);
		if (!row) throw new DomainError('feedback-row', {}, 400);
	}
	const quote = input.quote?.trim() || undefined;
	if (quote && (quote.length > FEEDBACK_QUOTE_MAX || !quoteInSection(section.rendering, quote)))
		throw new DomainError('feedback-quote', {}, 400);
	return { row, quote };
}

/** Files feedback from activity N on N−1's 定稿; returns its id. */
export function fileFeedback(
	planId: number,
	activity: Activity,
	actor: Actor,
	input: FeedbackInput
): number {
	const membership = member(planId, actor);
	const facts = feedbackFacts(planId, activity);
	if (!canFileFeedback(membership, activityOwners(planId, activity)))
		throw new DomainError('feedback-role', {}, 403);
	const refusal = feedbackWindowRefusal(facts.state, facts.previousState);
	if (refusal) {
		const [code, status] = WINDOW_ERRORS[refusal];
		throw new DomainError(code, {}, status);
	}
	const previous = facts.previous!;
	const versionId = facts.previousVersionId;
	if (versionId === null) throw new DomainError('feedback-no-final', {}, 409);
	const text = input.text.trim();
	if (!text || text.length > FEEDBACK_TEXT_MAX) throw new DomainError('feedback-text', {}, 400);
	const { row, quote } = anchorOf(versionId, previous, input);

	const db = getDb();
	const id = db.$client.transaction(() => {
		const inserted = db
			.insert(schema.priorFeedback)
			.values({
				planId,
				activity: previous,
				fromActivity: activity,
				versionId,
				userId: actor.user.id,
				organizationId: actor.user.organizationId,
				clause: input.clause,
				blockKey: row?.blockKey ?? null,
				rowId: row?.rowId ?? null,
				// The row's label is the frozen document's text: stored without control characters.
				rowLabel: row ? cleanProse(row.label) : null,
				quote: quote ?? null,
				text
			})
			.returning({ id: schema.priorFeedback.id })
			.get();
		appendAudit({
			action: 'workflow.feedback',
			actorId: actor.user.id,
			planId,
			target: `activity:${previous}`,
			ip: actor.ip,
			details: {
				feedbackId: inserted.id,
				from: activity,
				versionId,
				clause: input.clause,
				...(row ? { row: row.label } : {}),
				...(quote ? { quote } : {}),
				text
			}
		});
		return inserted.id;
	})();
	notify(answerers(planId, input.clause), {
		kind: 'feedback_filed',
		planId,
		clause: input.clause,
		actorId: actor.user.id,
		link: feedbackLink(planId, previous, id),
		excerpt: `${input.clause} ${text}`
	});
	return id;
}

/** Where feedback on N−1 is answered: N−1's workflow page, at the item. */
export const feedbackLink = (planId: number, activity: Activity, id: number) =>
	`/plans/${planId}/workflow/${activity}#feedback-${id}`;

/** Editors of the section's departments; the plan admins when no department is assigned. */
function answerers(planId: number, clause: string): number[] {
	const owners = new Set(ownersOf(planId, clause));
	const m = schema.planMembers;
	const members = getDb()
		.select({ userId: m.userId, role: m.role, organizationId: schema.users.organizationId })
		.from(m)
		.innerJoin(schema.users, eq(m.userId, schema.users.id))
		.where(and(eq(m.planId, planId), isNull(schema.users.disabledAt)))
		.all();
	const editors = members.filter((x) => x.role === 'editor' && owners.has(x.organizationId));
	const chosen = editors.length > 0 ? editors : members.filter((x) => x.role === 'admin');
	return chosen.map((x) => x.userId);
}

function feedbackRow(planId: number, id: number) {
	const row = getDb()
		.select()
		.from(schema.priorFeedback)
		.where(and(eq(schema.priorFeedback.id, id), eq(schema.priorFeedback.planId, planId)))
		.get();
	// Another plan's id reads as absent (plans do not leak).
	if (!row) throw new DomainError('not-found', {}, 404);
	return row;
}

/** Answers one item of feedback on N−1 (once). */
export async function answerFeedback(
	planId: number,
	id: number,
	actor: Actor,
	input: AnswerInput,
	/** The activity whose page answers: feedback about another one reads as absent. */
	about?: Activity
): Promise<void> {
	const membership = member(planId, actor);
	const row = feedbackRow(planId, id);
	if (about && row.activity !== about) throw new DomainError('not-found', {}, 404);
	if (!row.clause) throw new DomainError('feedback-legacy', {}, 409);
	if (!canAnswerFeedback(membership, ownersOf(planId, row.clause)))
		throw new DomainError('feedback-role', {}, 403);
	if (row.disposition) throw new DomainError('feedback-answered', {}, 409);
	const answer = input.answer?.trim() ?? '';
	if (answer.length > FEEDBACK_ANSWER_MAX) throw new DomainError('feedback-answer-long', {}, 400);
	if (input.disposition === 'rejected' && !answer)
		throw new DomainError('feedback-reason-required', {}, 400);
	const resolution = input.disposition === 'adopted' ? input.resolution : undefined;
	if (input.disposition === 'adopted' && !resolution)
		throw new DomainError('feedback-resolution', {}, 400);

	if (resolution === 'reopened') {
		// The workflow decides (plan admins reopen an approved activity) and records the reopening.
		const state = feedbackFacts(planId, row.activity).state;
		// An activity already reopened is being revised anyway: 记入下一次修订 is the answer then.
		if (!canActOnWorkflow(state, 'reopen', membership).ok)
			throw new DomainError('feedback-reopen', {}, state === 'approved' ? 403 : 409);
		await performAction(
			planId,
			row.activity,
			'reopen',
			{ ...actor, membership },
			{
				reason: `采纳5.1.3反馈（${row.clause}）：${excerptOf(row.text)}${answer ? `；${answer}` : ''}`
			}
		);
	}

	const db = getDb();
	db.$client.transaction(() => {
		const changed = db
			.update(schema.priorFeedback)
			.set({
				disposition: input.disposition,
				resolution: resolution ?? null,
				answer: answer || null,
				answeredBy: actor.user.id,
				answeredAt: new Date()
			})
			.where(and(eq(schema.priorFeedback.id, id), isNull(schema.priorFeedback.disposition)))
			.run().changes;
		// Two answerers at once: the second finds it answered.
		if (changed !== 1) throw new DomainError('feedback-answered', {}, 409);
		appendAudit({
			action: 'workflow.feedback_answered',
			actorId: actor.user.id,
			planId,
			target: `activity:${row.activity}`,
			ip: actor.ip,
			details: {
				feedbackId: id,
				clause: row.clause,
				decision: input.disposition,
				...(resolution ? { resolution } : {}),
				...(answer ? { reason: answer } : {})
			}
		});
	})();
	if (row.fromActivity)
		notify([row.userId], {
			kind: 'feedback_answered',
			planId,
			clause: row.clause,
			actorId: actor.user.id,
			link: `/plans/${planId}/workflow/${row.fromActivity}#feedback-${id}`,
			excerpt: answer || row.text
		});
}

/** Whether a member may answer feedback on this section (pages mirror the service). */
export function mayAnswer(planId: number, userId: number, clause: string): boolean {
	const membership = getMembership(planId, userId);
	return canAnswerFeedback(membership, ownersOf(planId, clause));
}

/** Whether a member may reopen N−1 while answering (plan admins, N−1 approved). */
export function mayReopen(planId: number, userId: number, activity: Activity): boolean {
	const membership = getMembership(planId, userId);
	if (!hasRole(membership, 'admin')) return false;
	return canActOnWorkflow(feedbackFacts(planId, activity).state, 'reopen', membership).ok;
}

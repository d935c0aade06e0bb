/**
 * 参与确认 with 有异议 (issue 14): an enterprise or residents' representative may object instead of
 * confirming, with their reasons and optionally the section concerned. The objection counts as
 * their participation, but the activity is not sent for approval (报批) while any objection to the
 * current 送审稿 is unanswered: the section's owning department (or, for the activity as a whole,
 * the lead department's plan admins) answers it in writing, then the plan admin forwards it.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { canAnswerObjection } from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import { ACTIVITY_CHAPTER, type Activity } from '../../standard/sections.ts';
import { getMembership } from '../access.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { organizationNames, userNames } from '../names.ts';
import { notify } from '../notifications.ts';
import { getPlan, planMembers, sectionOwners } from '../plans.ts';
import type { MemberActor } from '../actor.ts';
import { activityRow, audit, currentVersion } from './activity.ts';
import { notifyNewTasks, tasksBefore } from './task-notices.ts';

/** Longest answer kept (as long as a 会签意见). */
const ANSWER_MAX = 2000;

function readObjections(planId: number, activity: Activity, hash: string) {
	const o = schema.participationObjections;
	const s = schema.activitySignatures;
	return getDb()
		.select({
			id: o.id,
			signatureId: o.signatureId,
			clause: o.clause,
			text: s.opinion,
			userId: s.userId,
			user: schema.users.displayName,
			organization: schema.organizations.name,
			participant: s.participant,
			at: s.createdAt,
			answer: o.answer,
			answeredBy: o.answeredBy,
			answeredOrganizationId: o.answeredOrganizationId,
			answeredAt: o.answeredAt
		})
		.from(o)
		.innerJoin(s, eq(o.signatureId, s.id))
		.innerJoin(schema.users, eq(s.userId, schema.users.id))
		.innerJoin(schema.organizations, eq(s.organizationId, schema.organizations.id))
		.where(and(eq(o.planId, planId), eq(o.activity, activity), eq(s.hash, hash)))
		.orderBy(asc(o.id))
		.all();
}

/** Objections to a version (by its hash) still waiting for their answer. */
export function openObjections(planId: number, activity: Activity, hash: string) {
	return readObjections(planId, activity, hash).filter((r) => r.answer === null);
}

/** The department(s) answering an objection: the section's owners, none for the whole activity. */
function ownersOf(planId: number, clause: string | null): number[] {
	return clause ? (sectionOwners(planId).get(clause) ?? []).map((o) => o.id) : [];
}

export function mayAnswer(planId: number, membership: Membership, clause: string | null): boolean {
	return canAnswerObjection(membership, ownersOf(planId, clause));
}

export interface ObjectionView {
	id: number;
	signatureId: number;
	clause: string | null;
	text: string;
	user: string;
	organization: string;
	at: number;
	answer: { text: string; by: string; organization: string; at: number } | null;
	/** Whether the viewer may answer it now. */
	mayAnswer: boolean;
}

/** Objections to a version with their answers, for the workflow and version pages. */
export function loadObjections(
	planId: number,
	activity: Activity,
	hash: string,
	viewer?: Membership,
	answerable = false
): ObjectionView[] {
	const rows = readObjections(planId, activity, hash);
	// Who answered, by name.
	const who = {
		user: userNames(rows.flatMap((r) => (r.answeredBy ? [r.answeredBy] : []))),
		org: organizationNames(
			rows.flatMap((r) => (r.answeredOrganizationId ? [r.answeredOrganizationId] : []))
		)
	};
	return rows.map((r) => ({
		id: r.id,
		signatureId: r.signatureId,
		clause: r.clause,
		text: r.text ?? '',
		user: r.user,
		organization: r.organization,
		at: r.at.getTime(),
		answer:
			r.answer !== null && r.answeredAt
				? {
						text: r.answer,
						by: who.user.get(r.answeredBy ?? 0) ?? '',
						organization: who.org.get(r.answeredOrganizationId ?? 0) ?? '',
						at: r.answeredAt.getTime()
					}
				: null,
		mayAnswer: answerable && r.answer === null && !!viewer && mayAnswer(planId, viewer, r.clause)
	}));
}

/** Those who answer an objection: the owning department's editors and the plan admins. */
export function answerersOf(planId: number, clause: string | null): number[] {
	const owners = ownersOf(planId, clause);
	return planMembers(planId)
		.filter((m) => !m.disabledAt && canAnswerObjection(getMembership(planId, m.userId), owners))
		.map((m) => m.userId);
}

/** Tells the answerers of a new objection (inbox, and e-mail where set). */
export function announceObjection(
	planId: number,
	activity: Activity,
	clause: string | null,
	text: string,
	actorId: number
): void {
	const plan = getPlan(planId);
	notify(answerersOf(planId, clause), {
		kind: 'objection',
		planId,
		clause,
		actorId,
		link: `/plans/${planId}/workflow/${activity}#objections`,
		excerpt: `《${plan?.name ?? ''}》第${ACTIVITY_CHAPTER[activity]}章${clause ? ` ${clause}` : ''}：${text}`
	});
}

/**
 * Answers an objection to the current 送审稿 (once, in writing). Refused when the activity is no
 * longer in review on that version, when it was answered already, or to anyone who does not
 * answer for its section.
 */
export function answerObjection(
	planId: number,
	activity: Activity,
	objectionId: number,
	actor: MemberActor,
	rawText: string
): void {
	const text = rawText.trim().slice(0, ANSWER_MAX);
	if (!text) throw new DomainError('answer-required');
	const o = schema.participationObjections;
	const db = getDb();
	const before = tasksBefore(planId);
	let objector = 0;
	db.$client
		.transaction(() => {
			const row = db
				.select({ id: o.id, clause: o.clause, signatureId: o.signatureId, answer: o.answer })
				.from(o)
				.where(and(eq(o.id, objectionId), eq(o.planId, planId), eq(o.activity, activity)))
				.get();
			if (!row) throw new DomainError('not-found', {}, 404);
			const signature = db
				.select({ hash: schema.activitySignatures.hash, userId: schema.activitySignatures.userId })
				.from(schema.activitySignatures)
				.where(eq(schema.activitySignatures.id, row.signatureId))
				.get();
			const state = activityRow(planId, activity).state;
			if (state !== 'review' || signature?.hash !== currentVersion(planId, activity).hash)
				throw new DomainError('objection-closed', {}, 409);
			if (row.answer !== null) throw new DomainError('objection-answered', {}, 409);
			if (!mayAnswer(planId, actor.membership, row.clause))
				throw new DomainError('workflow-role', {}, 403);
			const updated = db
				.update(o)
				.set({
					answer: text,
					answeredBy: actor.user.id,
					answeredOrganizationId: actor.membership.organizationId,
					answeredAt: new Date()
				})
				.where(and(eq(o.id, row.id), isNull(o.answer)))
				.run();
			if (updated.changes !== 1) throw new DomainError('objection-answered', {}, 409);
			const version = currentVersion(planId, activity);
			audit('workflow.objection_answered', actor, planId, activity, {
				objectionId: row.id,
				signatureId: row.signatureId,
				versionId: version.id,
				hash: version.hash,
				clause: row.clause,
				answer: text
			});
			objector = signature.userId;
		})
		.immediate();
	notify([objector], {
		kind: 'answer',
		planId,
		actorId: actor.user.id,
		link: `/plans/${planId}/workflow/${activity}#objections`,
		excerpt: text
	});
	// The plan admin's 报批 task appears once the last objection is answered.
	notifyNewTasks(planId, before, actor.user.id);
}

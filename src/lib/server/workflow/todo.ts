/**
 * 待办 (issue 14): every concrete action awaiting one user across their plans, computed from the
 * state on each read (nothing to keep in step): countersign, confirm participation, 签发, deal
 * with a return, answer consultation opinions on sections they answer for, moderate held public
 * opinions. Each item links to the page where it is done.
 */
import { and, eq, inArray, isNull, isNotNull } from 'drizzle-orm';
import {
	answersForSection,
	canManagePlan,
	canModeratePublic,
	consultationRecordFrozen,
	isParticipant,
	isPolicyApprover,
	mayCountersignInTurn,
	participantKind
} from '../../policy/index.ts';
import type { ActivityState, Membership } from '../../roles.ts';
import { ACTIVITY_CHAPTER, findSection, type Activity } from '../../standard/sections.ts';
import { TODO_KINDS, type TodoItem, type TodoKind } from '../../workflow/todo-item.ts';
import { countersignsNeeded, nextInSequence, signOffStatus } from '../../workflow/policy.ts';
import { parseHolidays, workingDeadline } from '../../workflow/working-days.ts';
import { config } from '../config.ts';
import { getMembership } from '../access.ts';
import { feedbackTasks } from '../feedback/todo.ts';
import { getDb, schema } from '../db/index.ts';
import { plansOfUser, sectionOwners } from '../plans.ts';
import { signaturesOf } from './activity.ts';
import { mayAnswer, openObjections } from './objections.ts';
import { loadPolicy } from './policy.ts';
import { getVersion } from './versions.ts';

export { TODO_KINDS, type TodoItem, type TodoKind };

type PlanInfo = { id: number; name: string };

/** A 待办 of one of the plan's activities: the caller says what, how many, where and since when. */
export function todoItem(
	plan: PlanInfo,
	activity: Activity,
	item: Pick<TodoItem, 'key' | 'kind' | 'count' | 'link' | 'since'> &
		Partial<Pick<TodoItem, 'clause' | 'deadline'>>
): TodoItem {
	return {
		planId: plan.id,
		planName: plan.name,
		activity,
		chapter: ACTIVITY_CHAPTER[activity],
		clause: null,
		deadline: null,
		...item
	};
}

/** The end of the step's last working day (weekends and HOLIDAYS skipped, in TIME_ZONE). */
export function stepDeadline(start: number, days: number): number {
	return workingDeadline(start, days, parseHolidays(config.HOLIDAYS), config.TIME_ZONE);
}

/** Sign-off tasks of one activity in review, approval or returned. */
export function signOffTasks(
	plan: PlanInfo,
	activity: Activity,
	row: typeof schema.planActivities.$inferSelect,
	membership: Membership,
	userId: number
): TodoItem[] {
	const version = row.currentVersionId ? getVersion(row.currentVersionId) : undefined;
	const policy = loadPolicy(plan.id, activity);
	// A step's deadline runs from when the version it signs was formed (送审稿, 报批稿).
	const deadline =
		version && policy.deadlineDays !== null && (row.state === 'review' || row.state === 'approval')
			? stepDeadline(version.createdAt.getTime(), policy.deadlineDays)
			: null;
	const item = (kind: TodoKind): TodoItem =>
		todoItem(plan, activity, {
			key: `${kind}:${plan.id}:${activity}`,
			kind,
			count: 1,
			link: `/plans/${plan.id}/workflow/${activity}`,
			since: row.updatedAt.getTime(),
			deadline
		});
	if (row.state === 'returned') return canManagePlan(membership) ? [item('returned')] : [];
	if (!version) return [];
	if (row.state === 'approval')
		return isPolicyApprover(membership, userId, policy.approverId) ? [item('approve')] : [];
	if (row.state !== 'review') return [];
	const signatures = signaturesOf(plan.id, activity).filter((s) => s.hash === version.hash);
	const tasks: TodoItem[] = [];
	const next = nextInSequence(policy, signatures, version.hash);
	if (
		// 依次: only the department whose turn it is; 或签/比例: only while the step is open.
		mayCountersignInTurn(membership, policy.departments, next) &&
		!signatures.some(
			(s) => s.kind === 'countersign' && s.organizationId === membership.organizationId
		) &&
		signOffStatus(policy, signatures, version.hash).countersigned.length <
			countersignsNeeded(policy)
	)
		tasks.push(item('countersign'));
	if (isParticipant(membership)) {
		const kind = participantKind(membership);
		const status = signOffStatus(policy, signatures, version.hash);
		const needed = kind === 'enterprise' ? policy.enterpriseCount : policy.residentCount;
		const have = kind === 'enterprise' ? status.enterpriseConfirmed : status.residentConfirmed;
		const mine = signatures.some((s) => s.kind === 'confirm' && s.userId === userId);
		if (!mine && have < needed) tasks.push(item('confirm'));
	}
	tasks.push(...objectionTasks(plan.id, activity, version.hash, membership, item));
	return tasks;
}

/**
 * 有异议 (issue 14): answering the objections to the 送审稿 on one's sections (or, for the whole
 * activity, the plan admin's); once every one is answered and the policy met, the admin's 报批.
 */
function objectionTasks(
	planId: number,
	activity: Activity,
	hash: string,
	membership: Membership,
	item: (kind: TodoKind) => TodoItem
): TodoItem[] {
	const open = openObjections(planId, activity, hash);
	const mine = open.filter((o) => mayAnswer(planId, membership, o.clause));
	if (mine.length > 0) return [{ ...item('objection'), count: mine.length }];
	if (open.length > 0 || !canManagePlan(membership)) return [];
	const policy = loadPolicy(planId, activity);
	const signatures = signaturesOf(planId, activity);
	return signOffStatus(policy, signatures, hash).complete ? [item('forward')] : [];
}

/** Unanswered consultation opinions (members' and approved public ones) and held public ones. */
function consultationTasks(
	plan: PlanInfo,
	states: Map<Activity, ActivityState>,
	membership: Membership
): TodoItem[] {
	const rounds = getDb()
		.select({ id: schema.consultationRounds.id, activity: schema.consultationRounds.activity })
		.from(schema.consultationRounds)
		.where(eq(schema.consultationRounds.planId, plan.id))
		.all()
		// Once the activity is in review the consultation record is frozen: nothing to answer there.
		.filter((r) => !consultationRecordFrozen(states.get(r.activity) ?? 'drafting'));
	if (rounds.length === 0) return [];
	return [
		...answerTasks(plan, rounds, membership),
		...(canModeratePublic(membership) ? moderationTasks(plan, rounds) : [])
	];
}

interface OpenRound {
	id: number;
	activity: Activity;
}

/** One 待办 per round and section whose opinions the member answers and some lack an answer. */
function answerTasks(
	plan: PlanInfo,
	rounds: readonly OpenRound[],
	membership: Membership
): TodoItem[] {
	const db = getDb();
	const roundIds = rounds.map((r) => r.id);
	const activityOf = new Map(rounds.map((r) => [r.id, r.activity]));
	const t = schema.commentThreads;
	const p = schema.publicComments;
	const unanswered = [
		...db
			.select({ roundId: t.roundId, clause: t.clause, at: t.createdAt })
			.from(t)
			.where(and(isNotNull(t.roundId), inArray(t.roundId, roundIds), isNull(t.disposition)))
			.all(),
		...db
			.select({ roundId: p.roundId, clause: p.clause, at: p.createdAt })
			.from(p)
			.where(and(inArray(p.roundId, roundIds), eq(p.status, 'approved'), isNull(p.disposition)))
			.all()
	];
	const owners = sectionOwners(plan.id);
	const groups = new Map<string, TodoItem>();
	for (const o of unanswered) {
		if (o.roundId === null) continue;
		const ownerIds = (owners.get(o.clause) ?? []).map((x) => x.id);
		if (!answersForSection(membership, ownerIds)) continue;
		const activity = activityOf.get(o.roundId) ?? findSection(o.clause)?.activity;
		if (!activity) continue;
		const key = `answer:${plan.id}:${o.roundId}:${o.clause}`;
		const existing = groups.get(key);
		if (existing) {
			existing.count += 1;
			existing.since = Math.min(existing.since, o.at.getTime());
			continue;
		}
		groups.set(
			key,
			todoItem(plan, activity, {
				key,
				kind: 'answer',
				clause: o.clause,
				count: 1,
				link: `/plans/${plan.id}/rounds/${o.roundId}`,
				since: o.at.getTime()
			})
		);
	}
	return [...groups.values()];
}

/** One 待办 per round with public opinions held for moderation. */
function moderationTasks(plan: PlanInfo, rounds: readonly OpenRound[]): TodoItem[] {
	const p = schema.publicComments;
	const tasks: TodoItem[] = [];
	for (const round of rounds) {
		const held = getDb()
			.select({ at: p.createdAt })
			.from(p)
			.where(and(eq(p.roundId, round.id), eq(p.status, 'pending')))
			.all();
		if (held.length === 0) continue;
		tasks.push(
			todoItem(plan, round.activity, {
				key: `moderate:${plan.id}:${round.id}`,
				kind: 'moderate',
				count: held.length,
				link: `/plans/${plan.id}/rounds/${round.id}`,
				since: Math.min(...held.map((h) => h.at.getTime()))
			})
		);
	}
	return tasks;
}

/** Everything awaiting the user, most urgent first (due soonest, then waiting longest). */
export function todoOf(userId: number): TodoItem[] {
	const items: TodoItem[] = [];
	for (const plan of plansOfUser(userId)) {
		const membership = getMembership(plan.id, userId);
		if (!membership) continue;
		const rows = getDb()
			.select()
			.from(schema.planActivities)
			.where(eq(schema.planActivities.planId, plan.id))
			.all();
		for (const row of rows)
			items.push(...signOffTasks(plan, row.activity, row, membership, userId));
		items.push(
			...consultationTasks(plan, new Map(rows.map((r) => [r.activity, r.state])), membership)
		);
		items.push(...feedbackTasks(plan, membership));
	}
	return items.sort(
		(a, b) =>
			(a.deadline ?? Infinity) - (b.deadline ?? Infinity) ||
			TODO_KINDS.indexOf(a.kind) - TODO_KINDS.indexOf(b.kind) ||
			a.since - b.since
	);
}

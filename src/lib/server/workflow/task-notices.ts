/**
 * Telling people about their sign-off 待办 (issue 14): a workflow action that gives someone a new
 * task notifies them in the inbox; a step due within a day, and one past its deadline, reminds the
 * people it waits for and the plan admins — once per step and stage.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { canManagePlan } from '../../policy/index.ts';
import { ACTIVITY_CHAPTER, type Activity } from '../../standard/sections.ts';
import { getMembership } from '../access.ts';
import { now as clockNow } from '../clock.ts';
import { getDb, schema } from '../db/index.ts';
import { notify } from '../notifications.ts';
import { getPlan, planMembers } from '../plans.ts';
import { loadPolicy } from './policy.ts';
import { signOffTasks, stepDeadline, type TodoItem } from './todo.ts';
import { getVersion } from './versions.ts';

const DAY = 24 * 3_600_000;

/** The plan's sign-off tasks, per member, as `userId|key`. */
function taskHolders(
	planId: number,
	activity?: Activity
): Map<string, TodoItem & { userId: number }> {
	const plan = getPlan(planId);
	const held = new Map<string, TodoItem & { userId: number }>();
	if (!plan) return held;
	const rows = getDb()
		.select()
		.from(schema.planActivities)
		.where(eq(schema.planActivities.planId, planId))
		.all()
		.filter((r) => !activity || r.activity === activity);
	for (const member of planMembers(planId)) {
		if (member.disabledAt) continue;
		const membership = getMembership(planId, member.userId);
		if (!membership) continue;
		for (const row of rows)
			for (const task of signOffTasks(plan, row.activity, row, membership, member.userId))
				held.set(`${member.userId}|${task.key}`, { ...task, userId: member.userId });
	}
	return held;
}

/** Before an action: who holds which task now. */
export function tasksBefore(planId: number): Set<string> {
	return new Set(taskHolders(planId).keys());
}

/** After it: a notice to everyone holding a task they did not hold before. */
export function notifyNewTasks(planId: number, before: ReadonlySet<string>, actorId: number): void {
	for (const [key, task] of taskHolders(planId)) {
		// An objection is announced with its own words when it is filed (objections.ts).
		if (before.has(key) || task.kind === 'objection') continue;
		notify([task.userId], {
			kind: 'task',
			planId,
			actorId,
			link: task.link,
			excerpt: `《${task.planName}》第${task.chapter}章`
		});
	}
}

/**
 * Reminds of steps due within a day and of overdue ones (signers still awaited and the plan's
 * admins). Runs with the housekeeping and whenever someone opens their 待办.
 */
export function remindDueSteps(now = clockNow()): number {
	const db = getDb();
	const open = db
		.select()
		.from(schema.planActivities)
		.where(inArray(schema.planActivities.state, ['review', 'approval']))
		.all();
	let sent = 0;
	for (const row of open) {
		const policy = loadPolicy(row.planId, row.activity);
		const version = row.currentVersionId ? getVersion(row.currentVersionId) : undefined;
		if (policy.deadlineDays === null || !version) continue;
		const deadline = stepDeadline(version.createdAt.getTime(), policy.deadlineDays);
		const stage = now > deadline ? 'overdue' : now > deadline - DAY ? 'due' : null;
		if (!stage) continue;
		const inserted = db
			.insert(schema.stepReminders)
			.values({ planId: row.planId, activity: row.activity, versionId: version.id, stage })
			.onConflictDoNothing()
			.returning()
			.all();
		if (inserted.length === 0) continue;
		const holders = [...taskHolders(row.planId, row.activity).values()];
		const admins = planMembers(row.planId)
			.filter((m) => !m.disabledAt && canManagePlan({ roles: m.roles, organizationId: 0 }))
			.map((m) => m.userId);
		const plan = getPlan(row.planId);
		notify([...holders.map((h) => h.userId), ...admins], {
			kind: stage === 'due' ? 'task_due' : 'task_overdue',
			planId: row.planId,
			link: `/plans/${row.planId}/workflow/${row.activity}`,
			excerpt: `《${plan?.name ?? ''}》第${ACTIVITY_CHAPTER[row.activity]}章`
		});
		sent += 1;
	}
	return sent;
}

/** Whether a reminder of a stage was sent for a step (for tests and the page). */
export function reminderSent(
	planId: number,
	activity: Activity,
	versionId: number,
	stage: 'due' | 'overdue'
) {
	return !!getDb()
		.select({ planId: schema.stepReminders.planId })
		.from(schema.stepReminders)
		.where(
			and(
				eq(schema.stepReminders.planId, planId),
				eq(schema.stepReminders.activity, activity),
				eq(schema.stepReminders.versionId, versionId),
				eq(schema.stepReminders.stage, stage)
			)
		)
		.get();
}

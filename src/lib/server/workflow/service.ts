/**
 * Workflow actions of an activity (issue 6). Every move is decided by the pure machine in
 * src/lib/workflow from the member's roles and the guards its handler (handlers.ts) gathers,
 * applied in one SQLite transaction with its audit entry, and followed by `announceAccessChanged`
 * so open editors follow the new state at once (read-only in review, approval and approved).
 */
import { canActOnWorkflow } from '../../policy/index.ts';
import type { Activity } from '../../standard/sections.ts';
import type { WorkflowAction, WorkflowState } from '../../workflow/machine.ts';
import { announceAccessChanged } from '../access-events.ts';
import { getDb } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { getPlan } from '../plans.ts';
import type { MemberActor } from '../actor.ts';
import { activityRow, currentVersion, refusal } from './activity.ts';
import { HANDLERS, type ActionInput, type Context } from './handlers.ts';
import { requireVerifiedPayload } from './integrity.ts';
import { loadPolicy } from './policy.ts';
import { notifyNewTasks, tasksBefore } from './task-notices.ts';

export { activityRow, signaturesOf } from './activity.ts';
export type { ActionInput, Opinion } from './handlers.ts';
export { changePolicy } from './policy-edit.ts';

/**
 * Performs one workflow action for a member. Throws DomainError with `workflow-<reason>` when the
 * machine refuses (role → 403), or a specific code for bad input.
 */
export async function performAction(
	planId: number,
	activity: Activity,
	action: WorkflowAction,
	actor: MemberActor,
	input: ActionInput = {}
): Promise<WorkflowState> {
	const plan = getPlan(planId);
	if (!plan) throw new DomainError('not-found', {}, 404);
	const row = activityRow(planId, activity);
	const ctx: Context = {
		plan,
		planId,
		activity,
		actor,
		input,
		row,
		state: row.state,
		policy: loadPolicy(planId, activity)
	};

	// Refuse on state and role before any expensive guard (or a password check) runs.
	const early = canActOnWorkflow(ctx.state, action, actor.membership, {
		checklistMet: true,
		previousApproved: true,
		mayCountersign: true,
		isPolicyApprover: true
	});
	if (!early.ok) throw refusal(early.reason);

	const handler = HANDLERS[action];
	const guards = handler.guards?.(ctx) ?? {};
	const decision = canActOnWorkflow(ctx.state, action, actor.membership, {
		...guards,
		policyMetAfter: false
	});
	if (!decision.ok) throw refusal(decision.reason);
	// Nobody signs content that no longer matches its hash (409 integrity-failed, audited).
	if (handler.verifiesContent) requireVerifiedPayload(currentVersion(planId, activity).id);

	const step = await handler.prepare(ctx, guards);
	const before = tasksBefore(planId);
	// IMMEDIATE: the write lock is taken before the step reads, so the compactor (its own connection,
	// in a worker) committing meanwhile makes this wait (busy_timeout) rather than fail with
	// SQLITE_BUSY_SNAPSHOT when a deferred read transaction tries to become a write.
	const result = getDb().$client.transaction(step.apply).immediate();
	announceAccessChanged({ planId });
	step.after?.();
	// Whoever now has a sign-off step to take is told in the inbox.
	notifyNewTasks(planId, before, actor.user.id);
	return result;
}

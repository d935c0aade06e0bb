/**
 * Shared reads and writes of one activity's workflow row: the row, its signatures, its current
 * version, the state change and the audit entry every action records.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Activity } from '../../standard/sections.ts';
import type { WorkflowState } from '../../workflow/machine.ts';
import type { Signature } from '../../workflow/policy.ts';
import type { Actor } from '../actor.ts';
import { appendAudit, type AuditAction } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { getVersion } from './versions.ts';

const target = (activity: Activity) => `activity:${activity}`;

/** The activity's workflow row, if the plan has it. */
export function findActivityRow(planId: number, activity: Activity) {
	return getDb()
		.select()
		.from(schema.planActivities)
		.where(
			and(eq(schema.planActivities.planId, planId), eq(schema.planActivities.activity, activity))
		)
		.get();
}

export function activityRow(planId: number, activity: Activity) {
	const row = findActivityRow(planId, activity);
	if (!row) throw new DomainError('not-found', {}, 404);
	return row;
}

export function signaturesOf(planId: number, activity: Activity): Signature[] {
	const s = schema.activitySignatures;
	return getDb()
		.select({
			kind: s.kind,
			userId: s.userId,
			organizationId: s.organizationId,
			participant: s.participant,
			hash: s.hash
		})
		.from(s)
		.where(and(eq(s.planId, planId), eq(s.activity, activity)))
		.orderBy(asc(s.id))
		.all();
}

/** A machine refusal as an error: role → 403, anything else (state, checklist, …) → 409. */
export function refusal(reason: string): DomainError {
	const status = reason === 'role' || reason === 'not-signer' ? 403 : 409;
	return new DomainError(`workflow-${reason}`, {}, status);
}

export function setState(
	planId: number,
	activity: Activity,
	state: WorkflowState,
	changes: { currentVersionId?: number | null; approvedVersionId?: number | null } = {}
) {
	getDb()
		.update(schema.planActivities)
		.set({ state, ...changes, updatedAt: new Date() })
		.where(
			and(eq(schema.planActivities.planId, planId), eq(schema.planActivities.activity, activity))
		)
		.run();
}

export function audit(
	action: AuditAction,
	actor: Actor,
	planId: number,
	activity: Activity,
	details: Record<string, unknown>
) {
	appendAudit({
		action,
		actorId: actor.user.id,
		planId,
		target: target(activity),
		ip: actor.ip,
		details
	});
}

export function currentVersion(planId: number, activity: Activity) {
	const row = activityRow(planId, activity);
	const version = row.currentVersionId ? getVersion(row.currentVersionId) : undefined;
	if (!version) throw new DomainError('workflow-state', {}, 409);
	return version;
}

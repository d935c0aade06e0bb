/** The plan admin edits who must sign an activity, before it goes to review. */
import { and, eq, inArray } from 'drizzle-orm';
import { canManagePlan, canWaiveConsultation, policyEditRefusal } from '../../policy/index.ts';
import type { Activity } from '../../standard/sections.ts';
import type { SignOffPolicy } from '../../workflow/policy.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import type { MemberActor } from '../actor.ts';
import { activityRow, audit } from './activity.ts';
import { savePolicy } from './policy.ts';

export function changePolicy(
	planId: number,
	activity: Activity,
	actor: MemberActor,
	policy: SignOffPolicy
): void {
	if (!canManagePlan(actor.membership)) throw new DomainError('workflow-role', {}, 403);
	if (policy.consultationWaiver?.trim() && !canWaiveConsultation(actor.membership))
		throw new DomainError('workflow-role', {}, 403);
	if (policyEditRefusal(actor.membership, activityRow(planId, activity).state))
		throw new DomainError('policy-locked', {}, 409);
	if (policy.departments.length === 0) throw new DomainError('departments-required');
	if (policy.mode === 'threshold') {
		// ≥ k of n (1 ≤ k ≤ n) or ≥ p% (1 ≤ p ≤ 100): exactly one of them.
		const percent = policy.thresholdPercent ?? null;
		const count = policy.threshold ?? null;
		const valid =
			percent !== null
				? count === null && percent >= 1 && percent <= 100
				: count !== null && count >= 1 && count <= policy.departments.length;
		if (!valid) throw new DomainError('threshold-invalid');
	}
	const orgs = getDb()
		.select({ id: schema.organizations.id })
		.from(schema.organizations)
		.where(inArray(schema.organizations.id, [...policy.departments]))
		.all();
	if (orgs.length !== new Set(policy.departments).size) throw new DomainError('invalid');
	if (policy.approverId !== null) {
		const approver = getDb()
			.select({ userId: schema.planMembers.userId })
			.from(schema.planMembers)
			.where(
				and(
					eq(schema.planMembers.planId, planId),
					eq(schema.planMembers.userId, policy.approverId),
					eq(schema.planMembers.role, 'approver')
				)
			)
			.get();
		if (!approver) throw new DomainError('invalid');
	}
	getDb().$client.transaction(() => {
		savePolicy(planId, activity, policy);
		audit('workflow.policy_changed', actor, planId, activity, { ...policy });
	})();
}

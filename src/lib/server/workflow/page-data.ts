/** Parts of the workflow page's data (routes/plans/[planId]/workflow/[activity]), one concern each. */
import { and, eq, inArray } from 'drizzle-orm';
import { evaluatePlan, openItems } from '../../conformance/index.ts';
import { isPolicyApprover, mayCountersign, policyEditRefusal } from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import type { Activity } from '../../standard/sections.ts';
import { ACTIVITY_CHAPTER } from '../../standard/sections.ts';
import { previousActivity, type WorkflowState } from '../../workflow/machine.ts';
import type { Signature, SignOffPolicy } from '../../workflow/policy.ts';
import { getDb, schema } from '../db/index.ts';
import { loadPlanData } from '../plan-data.ts';
import type { getPlan, planMembers } from '../plans.ts';
import { activityRow } from './activity.ts';
import { assignedDepartments } from './policy.ts';
import { getVersion } from './versions.ts';

type Members = ReturnType<typeof planMembers>;

function reviewerOrganizations(planId: number): number[] {
	return getDb()
		.select({ id: schema.users.organizationId })
		.from(schema.planMembers)
		.innerJoin(schema.users, eq(schema.planMembers.userId, schema.users.id))
		.where(and(eq(schema.planMembers.planId, planId), eq(schema.planMembers.role, 'reviewer')))
		.all()
		.map((r) => r.id);
}

/**
 * Organizations that may be asked to countersign: departments assigned in the activity and
 * organizations of the plan's reviewers (expert panels countersign too).
 */
export function signerCandidates(planId: number, activity: Activity, policy: SignOffPolicy) {
	const withReviewer = new Set(reviewerOrganizations(planId));
	const candidateIds = new Set([
		...assignedDepartments(planId, activity),
		...withReviewer,
		...policy.departments
	]);
	return getDb()
		.select({ id: schema.organizations.id, name: schema.organizations.name })
		.from(schema.organizations)
		.where(inArray(schema.organizations.id, [...candidateIds]))
		.all()
		.sort((a, b) => a.id - b.id)
		.map((o) => ({ ...o, hasReviewer: withReviewer.has(o.id) }));
}

/** Required rules still open, shown to whoever may submit (evaluating reads every section). */
export function openRequiredFor(plan: NonNullable<ReturnType<typeof getPlan>>, activity: Activity) {
	const checklist = evaluatePlan(loadPlanData(plan));
	const seen = new Set<string>();
	return openItems(checklist, { activity, level: 'required' })
		.filter((i) => !seen.has(i.ruleId) && seen.add(i.ruleId))
		.map((i) => ({ ruleId: i.ruleId, label: i.label, clause: i.clause, section: i.section }));
}

/** The viewer's own standing in the sign-off of the current version. */
export function myStanding(
	membership: Membership,
	userId: number,
	policy: SignOffPolicy,
	signatures: readonly Signature[],
	hash: string | undefined
) {
	const current = hash === undefined ? [] : signatures.filter((s) => s.hash === hash);
	return {
		id: userId,
		organizationId: membership.organizationId,
		mayCountersign: mayCountersign(membership, policy.departments),
		countersigned: current.some(
			(s) => s.kind === 'countersign' && s.organizationId === membership.organizationId
		),
		confirmed: current.some((s) => s.kind === 'confirm' && s.userId === userId),
		isApprover: isPolicyApprover(membership, userId, policy.approverId)
	};
}

/** The policy as the page shows and edits it. */
export function policyView(
	policy: SignOffPolicy & { custom: boolean },
	membership: Membership,
	state: WorkflowState,
	members: Members,
	organizations: { id: number; name: string }[]
) {
	const orgName = (id: number) => organizations.find((o) => o.id === id)?.name ?? String(id);
	const approver = policy.approverId
		? members.find((m) => m.userId === policy.approverId)
		: undefined;
	return {
		departments: policy.departments.map((id) => ({ id, name: orgName(id) })),
		enterpriseCount: policy.enterpriseCount,
		residentCount: policy.residentCount,
		approverId: policy.approverId,
		approverName: approver?.displayName ?? null,
		consultationWaiver: policy.consultationWaiver ?? null,
		mode: policy.mode ?? 'all',
		threshold: policy.threshold ?? null,
		thresholdPercent: policy.thresholdPercent ?? null,
		deadlineDays: policy.deadlineDays ?? null,
		custom: policy.custom,
		editable: policyEditRefusal(membership, state) === null
	};
}

/** N−1 (5.1.3): its state and its 定稿 (the feedback on it: src/lib/server/feedback/). */
export function previousView(planId: number, activity: Activity) {
	const previous = previousActivity(activity);
	if (!previous) return null;
	const row = activityRow(planId, previous);
	const approved = row.approvedVersionId ? getVersion(row.approvedVersionId) : undefined;
	return {
		activity: previous,
		chapter: ACTIVITY_CHAPTER[previous],
		state: row.state,
		approved: approved ? { id: approved.id, hash: approved.hash, seq: approved.seq } : null
	};
}

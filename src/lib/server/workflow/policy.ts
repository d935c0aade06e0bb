/** Sign-off policy per activity: stored when the admin edits it, else the default of DESIGN.md §3. */
import { and, eq } from 'drizzle-orm';
import { SECTIONS, type Activity } from '../../standard/sections.ts';
import type { SignOffPolicy } from '../../workflow/policy.ts';
import { getDb, schema } from '../db/index.ts';
import { sectionOwners } from '../plans.ts';

/** Departments assigned to any section of the activity, in organization order. */
export function assignedDepartments(planId: number, activity: Activity): number[] {
	const owners = sectionOwners(planId);
	const ids = new Set<number>();
	for (const section of SECTIONS) {
		if (section.activity !== activity) continue;
		for (const owner of owners.get(section.clause) ?? []) ids.add(owner.id);
	}
	return [...ids].sort((a, b) => a - b);
}

export function loadPolicy(
	planId: number,
	activity: Activity
): Required<SignOffPolicy> & { custom: boolean } {
	const row = getDb()
		.select()
		.from(schema.activityPolicies)
		.where(
			and(
				eq(schema.activityPolicies.planId, planId),
				eq(schema.activityPolicies.activity, activity)
			)
		)
		.get();
	if (!row) {
		return {
			departments: assignedDepartments(planId, activity),
			enterpriseCount: 1,
			residentCount: 1,
			approverId: null,
			consultationWaiver: null,
			mode: 'all',
			threshold: null,
			thresholdPercent: null,
			deadlineDays: null,
			custom: false
		};
	}
	const departments = JSON.parse(row.departments) as unknown;
	return {
		departments: Array.isArray(departments)
			? departments.filter((d): d is number => Number.isSafeInteger(d))
			: [],
		enterpriseCount: row.enterpriseCount,
		residentCount: row.residentCount,
		approverId: row.approverId,
		consultationWaiver: row.consultationWaiver,
		mode: row.mode,
		threshold: row.threshold,
		thresholdPercent: row.thresholdPercent,
		deadlineDays: row.deadlineDays,
		custom: true
	};
}

export function savePolicy(planId: number, activity: Activity, policy: SignOffPolicy): void {
	const values = {
		// 依次 signs in the listed order; otherwise the order carries no meaning.
		departments: JSON.stringify(
			policy.mode === 'sequence'
				? [...policy.departments]
				: [...policy.departments].sort((a, b) => a - b)
		),
		mode: policy.mode ?? 'all',
		// 比例 counts departments or a share of them, never both.
		threshold:
			policy.mode === 'threshold' && !policy.thresholdPercent ? (policy.threshold ?? null) : null,
		thresholdPercent: policy.mode === 'threshold' ? (policy.thresholdPercent ?? null) : null,
		deadlineDays: policy.deadlineDays ?? null,
		enterpriseCount: policy.enterpriseCount,
		residentCount: policy.residentCount,
		approverId: policy.approverId,
		consultationWaiver: policy.consultationWaiver?.trim() || null,
		updatedAt: new Date()
	};
	getDb()
		.insert(schema.activityPolicies)
		.values({ planId, activity, ...values })
		.onConflictDoUpdate({
			target: [schema.activityPolicies.planId, schema.activityPolicies.activity],
			set: values
		})
		.run();
}

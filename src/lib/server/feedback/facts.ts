/**
 * The facts 5.1.3 feedback is decided from, read from the workflow's tables (never written here):
 * the two activities' states, N−1's approved 定稿, who owns which section.
 */
import { and, eq } from 'drizzle-orm';
import type { ActivityState } from '../../roles.ts';
import { SECTIONS, type Activity } from '../../standard/sections.ts';
import { previousActivity } from '../../workflow/machine.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { sectionOwners } from '../plans.ts';

function activityState(planId: number, activity: Activity) {
	const row = getDb()
		.select({
			state: schema.planActivities.state,
			approvedVersionId: schema.planActivities.approvedVersionId
		})
		.from(schema.planActivities)
		.where(
			and(eq(schema.planActivities.planId, planId), eq(schema.planActivities.activity, activity))
		)
		.get();
	if (!row) throw new DomainError('not-found', {}, 404);
	return row;
}

export interface FeedbackFacts {
	/** N: the activity under way. */
	activity: Activity;
	state: ActivityState;
	/** N−1, its state and its approved 定稿 (null: none). */
	previous: Activity | null;
	previousState: ActivityState | null;
	previousVersionId: number | null;
}

export function feedbackFacts(planId: number, activity: Activity): FeedbackFacts {
	const previous = previousActivity(activity) ?? null;
	const n = activityState(planId, activity);
	const p = previous ? activityState(planId, previous) : null;
	return {
		activity,
		state: n.state,
		previous,
		previousState: p?.state ?? null,
		previousVersionId: p?.approvedVersionId ?? null
	};
}

/** Departments assigned to any section of an activity. */
export function activityOwners(planId: number, activity: Activity): number[] {
	const owners = sectionOwners(planId);
	const ids = new Set<number>();
	for (const s of SECTIONS)
		if (s.activity === activity) for (const o of owners.get(s.clause) ?? []) ids.add(o.id);
	return [...ids];
}

/** Departments assigned to one section. */
export function ownersOf(planId: number, clause: string): number[] {
	return (sectionOwners(planId).get(clause) ?? []).map((o) => o.id);
}

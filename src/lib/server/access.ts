/**
 * The facts permissions are decided from (membership, section assignment, workflow state), read
 * from the database; the decisions themselves are src/lib/policy's.
 */
import { and, eq } from 'drizzle-orm';
import {
	collabAccess as decideCollabAccess,
	sectionAccess as decideSectionAccess,
	type CollabAccess,
	type SectionAccess
} from '../policy/index.ts';
import type { ActivityState, Membership, PlanRole } from '../roles.ts';
import { findSection } from '../standard/sections.ts';
import { getDb, schema } from './db/index.ts';

export function getMembership(planId: number, userId: number): Membership | undefined {
	const db = getDb();
	const rows = db
		.select({ role: schema.planMembers.role, organizationId: schema.users.organizationId })
		.from(schema.planMembers)
		.innerJoin(schema.users, eq(schema.planMembers.userId, schema.users.id))
		.where(and(eq(schema.planMembers.planId, planId), eq(schema.planMembers.userId, userId)))
		.all();
	if (rows.length === 0) return undefined;
	return { roles: rows.map((r) => r.role as PlanRole), organizationId: rows[0].organizationId };
}

export function assignedOrganizationIds(planId: number, clause: string): number[] {
	return getDb()
		.select({ id: schema.sectionAssignments.organizationId })
		.from(schema.sectionAssignments)
		.where(
			and(
				eq(schema.sectionAssignments.planId, planId),
				eq(schema.sectionAssignments.clause, clause)
			)
		)
		.all()
		.map((r) => r.id);
}

export type { CollabAccess, SectionAccess };

/** The workflow state of the activity a section belongs to. */
export function sectionState(planId: number, clause: string): ActivityState {
	const section = findSection(clause);
	if (!section) return 'drafting';
	const activity = getDb()
		.select({ state: schema.planActivities.state })
		.from(schema.planActivities)
		.where(
			and(
				eq(schema.planActivities.planId, planId),
				eq(schema.planActivities.activity, section.activity)
			)
		)
		.get();
	return activity?.state ?? 'drafting';
}

/** Everything the policy needs to decide about one user and one section. */
export function sectionFacts(userId: number, planId: number, clause: string) {
	return {
		membership: getMembership(planId, userId),
		owners: assignedOrganizationIds(planId, clause),
		state: sectionState(planId, clause)
	};
}

/** Access of a user to the live draft of one section. */
export function sectionAccess(userId: number, planId: number, clause: string): SectionAccess {
	if (!findSection(clause)) return 'none';
	const facts = sectionFacts(userId, planId, clause);
	return decideSectionAccess(facts.membership, facts.owners, facts.state);
}

/** The plan's 可提修订 setting: may readers of a section suggest changes to it? */
export function suggestionsOpen(planId: number): boolean {
	return (
		getDb()
			.select({ open: schema.plans.suggestionsOpen })
			.from(schema.plans)
			.where(eq(schema.plans.id, planId))
			.get()?.open ?? false
	);
}

/** What a user's connection to one section's live document may do (修订: 'suggest'). */
export function collabAccess(userId: number, planId: number, clause: string): CollabAccess {
	if (!findSection(clause)) return 'none';
	const facts = sectionFacts(userId, planId, clause);
	return decideCollabAccess(facts.membership, facts.owners, facts.state, suggestionsOpen(planId));
}

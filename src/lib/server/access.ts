/**
 * Who may do what in a plan, decided from membership, section assignment and workflow state.
 * The one place the web app and the collab server ask (STYLE.md: decide permissions in one place).
 */
import { and, eq } from 'drizzle-orm';
import { canReadDraft, canWriteSection, type Membership, type PlanRole } from '../roles.ts';
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

export type SectionAccess = 'write' | 'read' | 'none';

/** Access of a user to the live draft of one section. */
export function sectionAccess(userId: number, planId: number, clause: string): SectionAccess {
	const section = findSection(clause);
	if (!section) return 'none';
	const membership = getMembership(planId, userId);
	if (!canReadDraft(membership)) return 'none';
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
	const state = activity?.state ?? 'drafting';
	return canWriteSection(membership, assignedOrganizationIds(planId, clause), state)
		? 'write'
		: 'read';
}

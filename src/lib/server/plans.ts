/** Plans, their members, section assignments and activity states. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { roleRemovalRefusal } from '../policy/index.ts';
import { checkHorizon, checkPlanPeriod, refusesPeriod } from '../plan-period.ts';
import type { PlanRole } from '../roles.ts';
import { ACTIVITIES } from '../standard/sections.ts';
import { appendAudit } from './audit/index.ts';
import { announceAccessChanged } from './access-events.ts';
import { getDb, schema } from './db/index.ts';
import { DomainError } from './errors.ts';

export interface NewPlan {
	name: string;
	city: string;
	leadOrganizationId: number;
	periodStart: number;
	periodEnd: number;
	/** Optional 展望 year beyond the period (展望2035). */
	horizonYear?: number | null;
}

/**
 * Creates a plan. A period outside 4.3's 一般 3—5 years is accepted (the plan's checklist warns and
 * asks for the reason); only a period that is not one is refused.
 */
export function createPlan(input: NewPlan, actorId: number | null): number {
	const problem = checkPlanPeriod(input.periodStart, input.periodEnd);
	if (refusesPeriod(problem)) {
		throw new DomainError(`period-${problem}`, { start: input.periodStart, end: input.periodEnd });
	}
	if (!checkHorizon(input.periodEnd, input.horizonYear ?? null)) {
		throw new DomainError('horizon-invalid', { end: input.periodEnd });
	}
	const db = getDb();
	return db.$client.transaction(() => {
		const plan = db
			.insert(schema.plans)
			.values({ ...input, name: input.name.trim(), city: input.city.trim(), createdBy: actorId })
			.returning({ id: schema.plans.id })
			.get();
		db.insert(schema.planActivities)
			.values(ACTIVITIES.map((activity) => ({ planId: plan.id, activity })))
			.run();
		appendAudit({
			action: 'plan.created',
			actorId,
			planId: plan.id,
			details: { name: input.name, ...(problem ? { periodWarning: problem } : {}) }
		});
		return plan.id;
	})();
}

export function addMember(
	planId: number,
	userId: number,
	role: PlanRole,
	actorId: number | null
): void {
	getDb().insert(schema.planMembers).values({ planId, userId, role }).onConflictDoNothing().run();
	appendAudit({
		action: 'member.added',
		actorId,
		planId,
		target: `user:${userId}`,
		details: { role }
	});
	announceAccessChanged({ planId });
}

export function removeMember(
	planId: number,
	userId: number,
	role: PlanRole,
	actorId: number
): void {
	const membership = and(
		eq(schema.planMembers.planId, planId),
		eq(schema.planMembers.userId, userId),
		eq(schema.planMembers.role, role)
	);
	const held = getDb()
		.select({ userId: schema.planMembers.userId })
		.from(schema.planMembers)
		.where(membership)
		.get();
	const refusal = roleRemovalRefusal(role, held !== undefined, countPlanAdmins(planId));
	if (refusal) throw new DomainError(refusal);
	getDb().delete(schema.planMembers).where(membership).run();
	appendAudit({
		action: 'member.removed',
		actorId,
		planId,
		target: `user:${userId}`,
		details: { role }
	});
	announceAccessChanged({ planId });
}

/** Records a section (un)assignment and re-applies access to the section's open editors. */
function sectionChanged(
	action: 'section.assigned' | 'section.unassigned',
	planId: number,
	clause: string,
	organizationId: number,
	actorId: number | null
): void {
	appendAudit({
		action,
		actorId,
		planId,
		target: `section:${clause}`,
		details: { organizationId }
	});
	announceAccessChanged({ planId, clause });
}

export function assignSection(
	planId: number,
	clause: string,
	organizationId: number,
	actorId: number | null
): void {
	getDb()
		.insert(schema.sectionAssignments)
		.values({ planId, clause, organizationId })
		.onConflictDoNothing()
		.run();
	sectionChanged('section.assigned', planId, clause, organizationId, actorId);
}

export function unassignSection(
	planId: number,
	clause: string,
	organizationId: number,
	actorId: number
): void {
	getDb()
		.delete(schema.sectionAssignments)
		.where(
			and(
				eq(schema.sectionAssignments.planId, planId),
				eq(schema.sectionAssignments.clause, clause),
				eq(schema.sectionAssignments.organizationId, organizationId)
			)
		)
		.run();
	sectionChanged('section.unassigned', planId, clause, organizationId, actorId);
}

/** Plans the user is a member of, with their roles in each. */
export function plansOfUser(userId: number) {
	const db = getDb();
	const rows = db
		.select({
			plan: schema.plans,
			role: schema.planMembers.role,
			leadName: schema.organizations.name
		})
		.from(schema.planMembers)
		.innerJoin(schema.plans, eq(schema.planMembers.planId, schema.plans.id))
		.innerJoin(schema.organizations, eq(schema.plans.leadOrganizationId, schema.organizations.id))
		.where(eq(schema.planMembers.userId, userId))
		.orderBy(asc(schema.plans.id))
		.all();
	const byPlan = new Map<
		number,
		{
			id: number;
			name: string;
			city: string;
			periodStart: number;
			periodEnd: number;
			horizonYear: number | null;
			leadOrganization: string;
			roles: PlanRole[];
		}
	>();
	for (const { plan, role, leadName } of rows) {
		const entry = byPlan.get(plan.id) ?? {
			id: plan.id,
			name: plan.name,
			city: plan.city,
			periodStart: plan.periodStart,
			periodEnd: plan.periodEnd,
			horizonYear: plan.horizonYear,
			leadOrganization: leadName,
			roles: []
		};
		entry.roles.push(role);
		byPlan.set(plan.id, entry);
	}
	return [...byPlan.values()];
}

export function getPlan(planId: number) {
	return getDb().select().from(schema.plans).where(eq(schema.plans.id, planId)).get();
}

/** Section assignments of a plan as clause → organizations. */
export function sectionOwners(planId: number): Map<string, { id: number; name: string }[]> {
	const rows = getDb()
		.select({
			clause: schema.sectionAssignments.clause,
			id: schema.organizations.id,
			name: schema.organizations.name
		})
		.from(schema.sectionAssignments)
		.innerJoin(
			schema.organizations,
			eq(schema.sectionAssignments.organizationId, schema.organizations.id)
		)
		.where(eq(schema.sectionAssignments.planId, planId))
		.orderBy(asc(schema.organizations.id))
		.all();
	const owners = new Map<string, { id: number; name: string }[]>();
	for (const row of rows) {
		const list = owners.get(row.clause) ?? [];
		list.push({ id: row.id, name: row.name });
		owners.set(row.clause, list);
	}
	return owners;
}

export function activityStates(planId: number) {
	return getDb()
		.select({ activity: schema.planActivities.activity, state: schema.planActivities.state })
		.from(schema.planActivities)
		.where(eq(schema.planActivities.planId, planId))
		.all();
}

export function organizationsByIds(ids: number[]) {
	if (ids.length === 0) return [];
	return getDb()
		.select()
		.from(schema.organizations)
		.where(inArray(schema.organizations.id, ids))
		.all();
}

export function listPlans() {
	return getDb()
		.select({
			id: schema.plans.id,
			name: schema.plans.name,
			city: schema.plans.city,
			periodStart: schema.plans.periodStart,
			periodEnd: schema.plans.periodEnd,
			horizonYear: schema.plans.horizonYear,
			leadOrganization: schema.organizations.name
		})
		.from(schema.plans)
		.innerJoin(schema.organizations, eq(schema.plans.leadOrganizationId, schema.organizations.id))
		.orderBy(asc(schema.plans.id))
		.all();
}

/** Members of a plan with all their roles, ordered by organization. */
export function planMembers(planId: number) {
	const rows = getDb()
		.select({
			userId: schema.users.id,
			displayName: schema.users.displayName,
			username: schema.users.username,
			organization: schema.organizations.name,
			organizationType: schema.organizations.type,
			role: schema.planMembers.role,
			disabledAt: schema.users.disabledAt
		})
		.from(schema.planMembers)
		.innerJoin(schema.users, eq(schema.planMembers.userId, schema.users.id))
		.innerJoin(schema.organizations, eq(schema.users.organizationId, schema.organizations.id))
		.where(eq(schema.planMembers.planId, planId))
		.orderBy(asc(schema.organizations.id), asc(schema.users.id))
		.all();
	const byUser = new Map<number, Omit<(typeof rows)[number], 'role'> & { roles: PlanRole[] }>();
	for (const { role, ...member } of rows) {
		const entry = byUser.get(member.userId) ?? { ...member, roles: [] };
		entry.roles.push(role);
		byUser.set(member.userId, entry);
	}
	return [...byUser.values()];
}

export function countPlanAdmins(planId: number): number {
	return getDb()
		.select({ userId: schema.planMembers.userId })
		.from(schema.planMembers)
		.where(and(eq(schema.planMembers.planId, planId), eq(schema.planMembers.role, 'admin')))
		.all().length;
}

/** 可提修订 (issue 17): whether readers of a section may suggest changes to it while drafting. */
export function setSuggestionsOpen(planId: number, open: boolean, actorId: number): void {
	getDb()
		.update(schema.plans)
		.set({ suggestionsOpen: open })
		.where(eq(schema.plans.id, planId))
		.run();
	appendAudit({
		action: 'plan.suggestions_changed',
		actorId,
		planId,
		target: `plan:${planId}`,
		details: { open }
	});
	// Suggest-only connections turn read-only at once (or the reverse on their reconnect).
	announceAccessChanged({ planId });
}

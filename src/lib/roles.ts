/**
 * Plan roles and organization types (DESIGN.md §1). Who may do what with them is decided in
 * src/lib/policy.
 */
export const PLAN_ROLES = [
	'admin',
	'editor',
	'reviewer',
	'approver',
	'enterprise',
	'resident'
] as const;
export type PlanRole = (typeof PLAN_ROLES)[number];

export const ORGANIZATION_TYPES = ['government', 'enterprise', 'residents', 'experts'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** Roles that may be given to a member of an organization of each type. */
export const ROLES_BY_ORGANIZATION_TYPE: Record<OrganizationType, readonly PlanRole[]> = {
	government: ['admin', 'editor', 'reviewer', 'approver'],
	enterprise: ['enterprise'],
	residents: ['resident'],
	experts: ['reviewer']
};

export function roleFitsOrganization(role: PlanRole, type: OrganizationType): boolean {
	return ROLES_BY_ORGANIZATION_TYPE[type].includes(role);
}

/** What a member of a plan may see and do, independent of any one section. */
export interface Membership {
	roles: readonly PlanRole[];
	organizationId: number;
}

/** An activity's workflow states (DESIGN.md §3); which of them leave sections writable is policy. */
export const ACTIVITY_STATES = [
	'drafting',
	'consultation',
	'review',
	'approval',
	'approved',
	'returned'
] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

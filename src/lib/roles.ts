/**
 * Plan roles and organization types (DESIGN.md §1). Isomorphic: the server decides with these, the UI
 * only mirrors the same answers.
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

export function hasRole(membership: Membership | undefined, role: PlanRole): boolean {
	return membership?.roles.includes(role) ?? false;
}

export function canManagePlan(membership: Membership | undefined): boolean {
	return hasRole(membership, 'admin');
}

/**
 * Internal members read the live draft; 多元参与 participants (enterprise, resident) only read
 * published versions (DESIGN.md §1), so the live section documents are closed to them.
 */
export function canReadDraft(membership: Membership | undefined): boolean {
	if (!membership) return false;
	return membership.roles.some(
		(r) => r === 'admin' || r === 'editor' || r === 'reviewer' || r === 'approver'
	);
}

/** The activity states in which sections are writable (DESIGN.md §3). */
export type ActivityState =
	'drafting' | 'consultation' | 'review' | 'approval' | 'approved' | 'returned';

/**
 * Whether a member may write a section: an editor of a department assigned to it, while the
 * activity is drafting (or returned, which is drafting again with opinions attached).
 */
export function canWriteSection(
	membership: Membership | undefined,
	assignedOrganizationIds: readonly number[],
	activityState: ActivityState
): boolean {
	if (!membership || !hasRole(membership, 'editor')) return false;
	if (activityState !== 'drafting' && activityState !== 'returned') return false;
	return assignedOrganizationIds.includes(membership.organizationId);
}

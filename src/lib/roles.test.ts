import { describe, expect, it } from 'vitest';
import { canManagePlan, canReadDraft, canWriteSection } from './policy/index.ts';
import {
	ACTIVITY_STATES,
	ORGANIZATION_TYPES,
	PLAN_ROLES,
	roleFitsOrganization,
	type ActivityState,
	type PlanRole
} from './roles.ts';

const STATES: readonly ActivityState[] = ACTIVITY_STATES;
const member = (roles: PlanRole[], organizationId = 7) => ({ roles, organizationId });

describe('canWriteSection', () => {
	for (const role of PLAN_ROLES) {
		for (const state of STATES) {
			for (const assigned of [true, false]) {
				const expected =
					role === 'editor' && assigned && (state === 'drafting' || state === 'returned');
				it(`${role}, ${state}, ${assigned ? 'assigned' : 'not assigned'} → ${expected}`, () => {
					expect(canWriteSection(member([role]), assigned ? [3, 7] : [3], state)).toBe(expected);
				});
			}
		}
	}

	it('refuses non-members', () => {
		expect(canWriteSection(undefined, [7], 'drafting')).toBe(false);
	});

	it('lets an admin who is also an editor write their department’s sections', () => {
		expect(canWriteSection(member(['admin', 'editor']), [7], 'drafting')).toBe(true);
		expect(canWriteSection(member(['admin']), [7], 'drafting')).toBe(false);
	});
});

describe('canReadDraft', () => {
	it.each([
		['admin', true],
		['editor', true],
		['reviewer', true],
		['approver', true],
		['enterprise', false],
		['resident', false]
	] as const)('%s → %s', (role, expected) => {
		expect(canReadDraft(member([role]))).toBe(expected);
	});

	it('refuses non-members', () => {
		expect(canReadDraft(undefined)).toBe(false);
	});
});

describe('roleFitsOrganization', () => {
	const fits: Record<(typeof ORGANIZATION_TYPES)[number], PlanRole[]> = {
		government: ['admin', 'editor', 'reviewer', 'approver'],
		enterprise: ['enterprise'],
		residents: ['resident'],
		experts: ['reviewer']
	};
	for (const type of ORGANIZATION_TYPES) {
		for (const role of PLAN_ROLES) {
			it(`${role} in ${type} → ${fits[type].includes(role)}`, () => {
				expect(roleFitsOrganization(role, type)).toBe(fits[type].includes(role));
			});
		}
	}
});

describe('canManagePlan', () => {
	it('is the admin role only', () => {
		expect(canManagePlan(member(['admin']))).toBe(true);
		expect(canManagePlan(member(['editor', 'reviewer', 'approver']))).toBe(false);
		expect(canManagePlan(undefined)).toBe(false);
	});
});

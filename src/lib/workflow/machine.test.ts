import { consultationRecordFrozen } from '../policy/index.ts';
import { describe, expect, it } from 'vitest';
import { PLAN_ROLES, type PlanRole } from '../roles.ts';
import {
	availableActions,
	decide,
	previousActivity,
	WORKFLOW_ACTIONS,
	WORKFLOW_STATES,
	type Guards,
	type WorkflowAction,
	type WorkflowState
} from './machine.ts';
import { signOffStatus, type Signature } from './policy.ts';

/** The spec, written out: `state action role → next state` for every move that is allowed. */
const ALLOWED: Record<string, WorkflowState> = {
	'drafting publish admin': 'consultation',
	'returned publish admin': 'consultation',
	'consultation closeConsultation admin': 'drafting',
	'drafting submit admin': 'review',
	'returned submit admin': 'review',
	'review countersign reviewer': 'review',
	'review confirm enterprise': 'review',
	'review confirm resident': 'review',
	'review forward admin': 'approval',
	'review return reviewer': 'returned',
	'approval return approver': 'returned',
	'approval approve approver': 'approved',
	'returned resume admin': 'drafting',
	'approved reopen admin': 'drafting'
};

/** Guards that let every guarded move through, so this table tests states and roles alone. */
const PERMISSIVE: Guards = {
	checklistMet: true,
	previousApproved: true,
	mayCountersign: true,
	isPolicyApprover: true,
	policyMetAfter: false
};

const TRANSITION_ROLES: Record<WorkflowAction, PlanRole[]> = {
	publish: ['admin'],
	closeConsultation: ['admin'],
	submit: ['admin'],
	countersign: ['reviewer'],
	confirm: ['enterprise', 'resident'],
	forward: ['admin'],
	return: ['reviewer', 'approver'],
	approve: ['approver'],
	resume: ['admin'],
	reopen: ['admin']
};

describe('every (state, action, role)', () => {
	for (const state of WORKFLOW_STATES) {
		for (const action of WORKFLOW_ACTIONS) {
			for (const role of PLAN_ROLES) {
				const key = `${state} ${action} ${role}`;
				it(key, () => {
					const decision = decide(state, action, { roles: [role] }, PERMISSIVE);
					const expected = ALLOWED[key];
					if (expected) {
						expect(decision).toEqual({ ok: true, to: expected });
						expect(availableActions(state, { roles: [role] })).toContain(action);
					} else {
						expect(decision.ok).toBe(false);
						const stateFits = Object.keys(ALLOWED).some((k) => k.startsWith(`${state} ${action} `));
						if (!decision.ok) expect(decision.reason).toBe(stateFits ? 'role' : 'state');
						expect(availableActions(state, { roles: [role] })).not.toContain(action);
					}
				});
			}
		}
	}

	it('refuses non-members and members without roles', () => {
		for (const state of WORKFLOW_STATES)
			for (const action of WORKFLOW_ACTIONS) {
				expect(decide(state, action, undefined, PERMISSIVE).ok).toBe(false);
				expect(decide(state, action, { roles: [] }, PERMISSIVE).ok).toBe(false);
			}
	});

	it('lists the roles of DESIGN.md §1 for each action', () => {
		for (const action of WORKFLOW_ACTIONS) {
			const roles = PLAN_ROLES.filter((role) =>
				WORKFLOW_STATES.some((s) => decide(s, action, { roles: [role] }, PERMISSIVE).ok)
			);
			expect(roles).toEqual(TRANSITION_ROLES[action]);
		}
	});
});

describe('guards', () => {
	const admin = { roles: ['admin'] as PlanRole[] };
	it('submitting needs the checklist met or a waiver with a reason', () => {
		expect(decide('drafting', 'submit', admin, {})).toEqual({ ok: false, reason: 'checklist' });
		expect(decide('drafting', 'submit', admin, { waiverReason: '   ' })).toEqual({
			ok: false,
			reason: 'checklist'
		});
		expect(decide('drafting', 'submit', admin, { waiverReason: '专家认可' })).toEqual({
			ok: true,
			to: 'review'
		});
		expect(decide('returned', 'submit', admin, { checklistMet: true })).toEqual({
			ok: true,
			to: 'review'
		});
	});

	it('approval waits for the previous activity', () => {
		const leader = { roles: ['approver'] as PlanRole[] };
		expect(decide('approval', 'approve', leader, { previousApproved: false })).toEqual({
			ok: false,
			reason: 'previous'
		});
		expect(decide('approval', 'approve', leader, { previousApproved: true })).toEqual({
			ok: true,
			to: 'approved'
		});
		expect(
			decide('approval', 'approve', leader, { previousApproved: true, isPolicyApprover: false })
		).toEqual({ ok: false, reason: 'not-signer' });
		expect(decide('approval', 'return', leader, { isPolicyApprover: false })).toEqual({
			ok: false,
			reason: 'not-signer'
		});
	});

	it('countersigning moves on to approval once the policy is met', () => {
		const reviewer = { roles: ['reviewer'] as PlanRole[] };
		expect(decide('review', 'countersign', reviewer, { mayCountersign: false })).toEqual({
			ok: false,
			reason: 'not-signer'
		});
		expect(decide('review', 'return', reviewer, { mayCountersign: false })).toEqual({
			ok: false,
			reason: 'not-signer'
		});
		expect(
			decide('review', 'countersign', reviewer, { mayCountersign: true, policyMetAfter: true })
		).toEqual({ ok: true, to: 'approval' });
		expect(decide('review', 'confirm', { roles: ['resident'] }, { policyMetAfter: true })).toEqual({
			ok: true,
			to: 'approval'
		});
	});

	it('a member with several roles may take each one’s actions', () => {
		const both = { roles: ['admin', 'editor'] as PlanRole[] };
		expect(availableActions('drafting', both)).toEqual(['publish', 'submit']);
		expect(availableActions('review', both)).toEqual(['forward']);
	});
});

describe('locking and order', () => {
	it('freezes the consultation record in review, approval and approved', () => {
		expect(WORKFLOW_STATES.filter(consultationRecordFrozen)).toEqual([
			'review',
			'approval',
			'approved'
		]);
	});
	it('knows the previous activity', () => {
		expect(previousActivity('requirements')).toBeUndefined();
		expect(previousActivity('overall')).toBe('requirements');
		expect(previousActivity('roadmap')).toBe('architecture');
	});
});

describe('sign-off status', () => {
	const policy = { departments: [2, 4], enterpriseCount: 1, residentCount: 1, approverId: null };
	const sig = (s: Partial<Signature>): Signature => ({
		kind: 'countersign',
		userId: 1,
		organizationId: 2,
		hash: 'h1',
		...s
	});

	it('counts countersigns and confirmations of the current hash only', () => {
		const signatures = [
			sig({ organizationId: 2 }),
			sig({ organizationId: 4, hash: 'h0' }),
			sig({ kind: 'confirm', userId: 7, organizationId: 6, participant: 'enterprise' }),
			sig({ kind: 'confirm', userId: 7, organizationId: 6, participant: 'enterprise' })
		];
		expect(signOffStatus(policy, signatures, 'h1')).toEqual({
			countersigned: [2],
			missingDepartments: [4],
			enterpriseConfirmed: 1,
			residentConfirmed: 0,
			complete: false
		});
	});

	it('is complete when every department signed and enough representatives confirmed', () => {
		const signatures = [
			sig({ organizationId: 2 }),
			sig({ organizationId: 4, userId: 3 }),
			sig({ kind: 'confirm', userId: 7, organizationId: 6, participant: 'enterprise' }),
			sig({ kind: 'confirm', userId: 8, organizationId: 7, participant: 'resident' }),
			sig({ kind: 'return', organizationId: 9 })
		];
		expect(signOffStatus(policy, signatures, 'h1').complete).toBe(true);
		expect(signOffStatus({ ...policy, residentCount: 2 }, signatures, 'h1').complete).toBe(false);
	});
});

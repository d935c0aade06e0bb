/**
 * The workflow of one activity (DESIGN.md §3, issue 6) as a pure state machine. Isomorphic: the server
 * decides every transition with `decide`, the pages only mirror the same answers.
 *
 * ```
 * drafting ─publish─▶ consultation ─closeConsultation─▶ drafting
 * drafting | returned ─submit─▶ review ─countersign/confirm (policy met)─▶ approval ─approve─▶ approved
 *                                review ─forward (报批: policy met, every objection answered)─▶ approval
 * review | approval ─return─▶ returned ─resume─▶ drafting        approved ─reopen─▶ drafting
 * ```
 */
import { ACTIVITY_STATES, type Membership, type PlanRole } from '../roles.ts';
import { ACTIVITIES, type Activity } from '../standard/sections.ts';

export const WORKFLOW_STATES = ACTIVITY_STATES;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const WORKFLOW_ACTIONS = [
	'publish',
	'closeConsultation',
	'submit',
	'countersign',
	'confirm',
	'forward',
	'return',
	'approve',
	'resume',
	'reopen'
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

interface Transition {
	from: readonly WorkflowState[];
	/** Roles of DESIGN.md §1 that may take the action (any one suffices). */
	roles: readonly PlanRole[];
}

export const TRANSITIONS: Readonly<Record<WorkflowAction, Transition>> = {
	publish: { from: ['drafting', 'returned'], roles: ['admin'] },
	closeConsultation: { from: ['consultation'], roles: ['admin'] },
	submit: { from: ['drafting', 'returned'], roles: ['admin'] },
	countersign: { from: ['review'], roles: ['reviewer'] },
	confirm: { from: ['review'], roles: ['enterprise', 'resident'] },
	forward: { from: ['review'], roles: ['admin'] },
	return: { from: ['review', 'approval'], roles: ['reviewer', 'approver'] },
	approve: { from: ['approval'], roles: ['approver'] },
	resume: { from: ['returned'], roles: ['admin'] },
	reopen: { from: ['approved'], roles: ['admin'] }
};

/** Facts about the activity a transition's guards need; the server gathers them. */
export interface Guards {
	/** submit: the activity's required conformance rules all pass. */
	checklistMet?: boolean;
	/** submit: an explicit waiver reason when the checklist is not met. */
	waiverReason?: string;
	/** approve: the previous activity (N−1) is approved (true for the first activity). */
	previousApproved?: boolean;
	/**
	 * countersign/confirm: the sign-off policy is met once this signature is counted — the
	 * activity moves on to approval.
	 */
	policyMetAfter?: boolean;
	/** countersign: this member signs for a department the policy lists, and has not yet. */
	mayCountersign?: boolean;
	/** approve/return in approval: this member is the policy's approver. */
	isPolicyApprover?: boolean;
}

export type Refusal = 'state' | 'role' | 'checklist' | 'previous' | 'not-signer';
export type Decision = { ok: true; to: WorkflowState } | { ok: false; reason: Refusal };

/** Whether a member may take an action in a state, and where it leads. */
export function decide(
	state: WorkflowState,
	action: WorkflowAction,
	membership: Pick<Membership, 'roles'> | undefined,
	guards: Guards = {}
): Decision {
	const transition = TRANSITIONS[action];
	const roles = membership?.roles ?? [];
	if (!transition.from.includes(state)) return { ok: false, reason: 'state' };
	// Returning in review is a reviewer's act, in approval the approver's.
	const allowed =
		action === 'return'
			? [state === 'review' ? 'reviewer' : 'approver']
			: (transition.roles as readonly string[]);
	if (!roles.some((r) => allowed.includes(r))) return { ok: false, reason: 'role' };
	switch (action) {
		case 'publish':
			return { ok: true, to: 'consultation' };
		case 'closeConsultation':
		case 'resume':
		case 'reopen':
			return { ok: true, to: 'drafting' };
		case 'submit':
			if (!guards.checklistMet && !guards.waiverReason?.trim())
				return { ok: false, reason: 'checklist' };
			return { ok: true, to: 'review' };
		case 'countersign':
			if (!guards.mayCountersign) return { ok: false, reason: 'not-signer' };
			return { ok: true, to: guards.policyMetAfter ? 'approval' : 'review' };
		case 'confirm':
			return { ok: true, to: guards.policyMetAfter ? 'approval' : 'review' };
		case 'forward':
			return { ok: true, to: 'approval' };
		case 'return':
			if (state === 'review' && guards.mayCountersign === false)
				return { ok: false, reason: 'not-signer' };
			if (state === 'approval' && guards.isPolicyApprover === false)
				return { ok: false, reason: 'not-signer' };
			return { ok: true, to: 'returned' };
		case 'approve':
			if (guards.isPolicyApprover === false) return { ok: false, reason: 'not-signer' };
			if (!guards.previousApproved) return { ok: false, reason: 'previous' };
			return { ok: true, to: 'approved' };
	}
}

/** Actions a member could take now, ignoring guards: what the page offers. */
export function availableActions(
	state: WorkflowState,
	membership: Pick<Membership, 'roles'> | undefined
): WorkflowAction[] {
	const roles = membership?.roles ?? [];
	return WORKFLOW_ACTIONS.filter((action) => {
		const t = TRANSITIONS[action];
		if (!t.from.includes(state)) return false;
		const allowed = action === 'return' ? [state === 'review' ? 'reviewer' : 'approver'] : t.roles;
		return roles.some((r) => (allowed as readonly string[]).includes(r));
	});
}

/** The activity before this one in the standard's order (5.1.3), or undefined for the first. */
export function previousActivity(activity: Activity): Activity | undefined {
	const index = ACTIVITIES.indexOf(activity);
	return index > 0 ? ACTIVITIES[index - 1] : undefined;
}

/** Milestone names Chinese offices give versions. */
export const MILESTONES = ['consultation', 'review', 'approval', 'final'] as const;
export type Milestone = (typeof MILESTONES)[number];

/**
 * Workflow actions of an activity (issue 6). Every move is decided by the pure machine in
 * src/lib/workflow from the member's roles and the guards gathered here, applied in one SQLite
 * transaction with its audit entry, and followed by `announceAccessChanged` so open editors follow the new
 * state at once (read-only in review, approval and approved).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { evaluatePlan, openItems, readyForReview } from '../../conformance/index.ts';
import {
	canActOnWorkflow,
	canFileFeedback,
	canManagePlan,
	isPolicyApprover as decidePolicyApprover,
	mayCountersign,
	participantKind,
	policyEditRefusal
} from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import { findSection, type Activity } from '../../standard/sections.ts';
import {
	previousActivity,
	type Guards,
	type WorkflowAction,
	type WorkflowState
} from '../../workflow/machine.ts';
import { signOffStatus, type SignOffPolicy, type Signature } from '../../workflow/policy.ts';
import {
	DEFAULT_DAYS,
	PARTICIPANT_GROUPS,
	REASON_MAX,
	roundConfig,
	type RoundConfig,
	type RoundConfigInput
} from '../../consultation/period.ts';
import { appendAudit, type AuditAction } from '../audit/index.ts';
import { verifyPasswordThrottled } from '../auth/throttle.ts';
import { announceAccessChanged } from '../access-events.ts';
import {
	announceClosed,
	announceRound,
	closeRounds,
	openRound,
	roundsClosingEarly,
	type ConsultationRound
} from '../consultation/rounds.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { loadPlanData } from '../plan-data.ts';
import { getPlan } from '../plans.ts';
import { loadPolicy, savePolicy } from './policy.ts';
import { requireVerifiedPayload } from './integrity.ts';
import { freezeVersion, getVersion } from './versions.ts';

export interface Actor {
	userId: number;
	membership: Membership;
	ip?: string | null;
}

export interface Opinion {
	clause: string | null;
	text: string;
}

export interface ActionInput {
	waiverReason?: string;
	opinions?: Opinion[];
	password?: string;
	reason?: string;
	/** closeConsultation: why, required when a round closes before its planned end. */
	closeReason?: string;
	/** publish: the consultation round's settings (default: every group, 30 days from today). */
	round?: RoundConfigInput;
}

const DEFAULT_ROUND: RoundConfigInput = {
	groups: PARTICIPANT_GROUPS,
	days: DEFAULT_DAYS,
	publicLink: false
};

const target = (activity: Activity) => `activity:${activity}`;

export function activityRow(planId: number, activity: Activity) {
	const row = getDb()
		.select()
		.from(schema.planActivities)
		.where(
			and(eq(schema.planActivities.planId, planId), eq(schema.planActivities.activity, activity))
		)
		.get();
	if (!row) throw new DomainError('not-found', {}, 404);
	return row;
}

export function signaturesOf(planId: number, activity: Activity): Signature[] {
	const s = schema.activitySignatures;
	return getDb()
		.select({
			kind: s.kind,
			userId: s.userId,
			organizationId: s.organizationId,
			participant: s.participant,
			hash: s.hash
		})
		.from(s)
		.where(and(eq(s.planId, planId), eq(s.activity, activity)))
		.orderBy(asc(s.id))
		.all();
}

function refusal(reason: string): DomainError {
	const status = reason === 'role' || reason === 'not-signer' ? 403 : 409;
	return new DomainError(`workflow-${reason}`, {}, status);
}

function setState(
	planId: number,
	activity: Activity,
	state: WorkflowState,
	changes: { currentVersionId?: number | null; approvedVersionId?: number | null } = {}
) {
	getDb()
		.update(schema.planActivities)
		.set({ state, ...changes, updatedAt: new Date() })
		.where(
			and(eq(schema.planActivities.planId, planId), eq(schema.planActivities.activity, activity))
		)
		.run();
}

function audit(
	action: AuditAction,
	actor: Actor,
	planId: number,
	activity: Activity,
	details: Record<string, unknown>
) {
	appendAudit({
		action,
		actorId: actor.userId,
		planId,
		target: target(activity),
		ip: actor.ip ?? null,
		details
	});
}

function isPolicyApprover(policy: SignOffPolicy, actor: Actor): boolean {
	return decidePolicyApprover(actor.membership, actor.userId, policy.approverId);
}

function currentVersion(planId: number, activity: Activity) {
	const row = activityRow(planId, activity);
	const version = row.currentVersionId ? getVersion(row.currentVersionId) : undefined;
	if (!version) throw new DomainError('workflow-state', {}, 409);
	return version;
}

/** Signs the current version; moves on to approval (freezing the 报批稿) once the policy is met. */
function sign(
	planId: number,
	activity: Activity,
	actor: Actor,
	kind: 'countersign' | 'confirm',
	participant: 'enterprise' | 'resident' | null
): WorkflowState {
	const db = getDb();
	const version = currentVersion(planId, activity);
	db.insert(schema.activitySignatures)
		.values({
			planId,
			activity,
			versionId: version.id,
			hash: version.hash,
			kind,
			userId: actor.userId,
			organizationId: actor.membership.organizationId,
			participant
		})
		.run();
	audit(
		kind === 'countersign' ? 'workflow.countersigned' : 'workflow.confirmed',
		actor,
		planId,
		activity,
		{ versionId: version.id, hash: version.hash, milestone: version.milestone, participant }
	);
	const status = signOffStatus(
		loadPolicy(planId, activity),
		signaturesOf(planId, activity),
		version.hash
	);
	if (!status.complete) return 'review';
	// The 报批稿 is formed by the workflow when the policy is met, not by whoever signed last.
	const next = freezeVersion(planId, activity, 'approval', null);
	setState(planId, activity, 'approval', { currentVersionId: next.id });
	audit('workflow.advanced', actor, planId, activity, {
		from: 'review',
		to: 'approval',
		versionId: next.id,
		hash: next.hash,
		milestone: next.milestone,
		reviewedHash: version.hash
	});
	return 'approval';
}

function cleanOpinions(activity: Activity, opinions: Opinion[] | undefined) {
	const cleaned = (opinions ?? [])
		.map((o) => ({ clause: o.clause || null, text: o.text.trim() }))
		.filter((o) => o.text !== '');
	if (cleaned.length === 0) throw new DomainError('opinion-required');
	for (const o of cleaned) {
		if (o.clause !== null && findSection(o.clause)?.activity !== activity)
			throw new DomainError('invalid');
	}
	return cleaned;
}

/**
 * Performs one workflow action for a member. Throws DomainError with `workflow-<reason>` when the
 * machine refuses (role → 403), or a specific code for bad input.
 */
export async function performAction(
	planId: number,
	activity: Activity,
	action: WorkflowAction,
	actor: Actor,
	input: ActionInput = {}
): Promise<WorkflowState> {
	const plan = getPlan(planId);
	if (!plan) throw new DomainError('not-found', {}, 404);
	const row = activityRow(planId, activity);
	const state = row.state;
	const policy = loadPolicy(planId, activity);
	const guards: Guards = {};

	// Refuse on state and role before any expensive guard (or a password check) runs.
	const early = canActOnWorkflow(state, action, actor.membership, {
		checklistMet: true,
		previousApproved: true,
		mayCountersign: true,
		isPolicyApprover: true
	});
	if (!early.ok) throw refusal(early.reason);

	let openRequired: string[] = [];
	if (action === 'submit') {
		const checklist = evaluatePlan(loadPlanData(plan));
		guards.checklistMet = readyForReview(checklist, activity);
		openRequired = [
			...new Set(openItems(checklist, { activity, level: 'required' }).map((i) => i.ruleId))
		];
		guards.waiverReason = input.waiverReason?.trim() || undefined;
	}
	if (action === 'countersign' || action === 'return') {
		if (state === 'review') {
			const version = currentVersion(planId, activity);
			const signedByOrg = signaturesOf(planId, activity).some(
				(s) =>
					s.kind === 'countersign' &&
					s.hash === version.hash &&
					s.organizationId === actor.membership.organizationId
			);
			guards.mayCountersign = mayCountersign(actor.membership, policy.departments);
			if (action === 'countersign' && guards.mayCountersign && signedByOrg)
				throw new DomainError('already-signed', {}, 409);
		}
	}
	if (action === 'approve' || (action === 'return' && state === 'approval')) {
		guards.isPolicyApprover = isPolicyApprover(policy, actor);
	}
	if (action === 'approve') {
		const previous = previousActivity(activity);
		guards.previousApproved = previous ? activityRow(planId, previous).state === 'approved' : true;
	}
	if (action === 'confirm') {
		const version = currentVersion(planId, activity);
		const confirmed = signaturesOf(planId, activity).some(
			(s) => s.kind === 'confirm' && s.hash === version.hash && s.userId === actor.userId
		);
		if (confirmed) throw new DomainError('already-signed', {}, 409);
	}

	const decision = canActOnWorkflow(state, action, actor.membership, {
		...guards,
		policyMetAfter: false
	});
	if (!decision.ok) throw refusal(decision.reason);
	// Nobody signs content that no longer matches its hash (409 integrity-failed, audited).
	if (action === 'countersign' || action === 'confirm' || action === 'approve')
		requireVerifiedPayload(currentVersion(planId, activity).id);

	const opinions = action === 'return' ? cleanOpinions(activity, input.opinions) : [];
	let round: RoundConfig | undefined;
	if (action === 'publish') {
		const checked = roundConfig(input.round ?? DEFAULT_ROUND, Date.now());
		if (!checked.ok) throw new DomainError(checked.problem);
		round = checked.config;
	}
	let opened: ConsultationRound | undefined;
	let closed: ConsultationRound[] = [];
	if (action === 'reopen' && !input.reason?.trim()) throw new DomainError('reason-required');
	const closeReason = input.closeReason?.trim().slice(0, REASON_MAX) || null;
	if (action === 'closeConsultation' && !closeReason && roundsClosingEarly(planId, activity).length)
		throw new DomainError('round-close-reason-required');
	if (action === 'approve') {
		const user = getDb()
			.select({ passwordHash: schema.users.passwordHash, username: schema.users.username })
			.from(schema.users)
			.where(eq(schema.users.id, actor.userId))
			.get();
		if (!user) throw new DomainError('workflow-role', {}, 403);
		// Re-entering the password shares the login's throttle: no guessing here either.
		const check = await verifyPasswordThrottled(
			user.username,
			user.passwordHash,
			input.password ?? '',
			actor.ip ?? 'unknown'
		);
		if (!check.ok && check.reason === 'throttled') {
			const minutes = Math.max(1, Math.ceil(check.retryAfterSeconds / 60));
			throw new DomainError('password-throttled', { minutes }, 429);
		}
		if (!input.password || !check.ok) {
			audit('workflow.signoff_failed', actor, planId, activity, { reason: 'password' });
			throw new DomainError('password-wrong', {}, 403);
		}
		// The password check awaited: re-read the state so two sign-offs cannot race.
		if (activityRow(planId, activity).state !== state) throw refusal('state');
	}

	const db = getDb();
	const result = db.$client.transaction((): WorkflowState => {
		switch (action) {
			case 'publish': {
				const version = freezeVersion(planId, activity, 'consultation', actor.userId);
				setState(planId, activity, 'consultation', { currentVersionId: version.id });
				audit('workflow.published', actor, planId, activity, {
					versionId: version.id,
					hash: version.hash,
					milestone: version.milestone
				});
				if (round) opened = openRound(planId, activity, version.id, round, actor);
				return 'consultation';
			}
			case 'closeConsultation': {
				closed = closeRounds(planId, activity, actor, closeReason);
				audit('workflow.consultation_closed', actor, planId, activity, {
					versionId: row.currentVersionId,
					early: closed.some((r) => r.closeReason !== null),
					reason: closeReason
				});
				setState(planId, activity, 'drafting', { currentVersionId: null });
				return 'drafting';
			}
			case 'submit': {
				const waiver = guards.checklistMet ? null : (guards.waiverReason ?? null);
				const version = freezeVersion(planId, activity, 'review', actor.userId, waiver);
				setState(planId, activity, 'review', { currentVersionId: version.id });
				audit('workflow.submitted', actor, planId, activity, {
					versionId: version.id,
					hash: version.hash,
					milestone: version.milestone,
					checklistMet: guards.checklistMet ?? false,
					waiver,
					waivedRules: guards.checklistMet ? [] : openRequired
				});
				return 'review';
			}
			case 'countersign':
				return sign(planId, activity, actor, 'countersign', null);
			case 'confirm':
				return sign(planId, activity, actor, 'confirm', participantKind(actor.membership));
			case 'return': {
				const version = currentVersion(planId, activity);
				const signature = db
					.insert(schema.activitySignatures)
					.values({
						planId,
						activity,
						versionId: version.id,
						hash: version.hash,
						kind: 'return',
						userId: actor.userId,
						organizationId: actor.membership.organizationId
					})
					.returning({ id: schema.activitySignatures.id })
					.get();
				db.insert(schema.returnOpinions)
					.values(opinions.map((o) => ({ ...o, planId, signatureId: signature.id })))
					.run();
				setState(planId, activity, 'returned');
				audit('workflow.returned', actor, planId, activity, {
					from: state,
					versionId: version.id,
					hash: version.hash,
					milestone: version.milestone,
					opinions
				});
				return 'returned';
			}
			case 'approve': {
				const signed = currentVersion(planId, activity);
				const final = freezeVersion(planId, activity, 'final', actor.userId);
				// Sections are locked in approval, so the 定稿 is exactly what the approver saw.
				if (final.hash !== signed.hash) throw new DomainError('hash-mismatch', {}, 409);
				db.insert(schema.activitySignatures)
					.values({
						planId,
						activity,
						versionId: signed.id,
						hash: signed.hash,
						kind: 'approve',
						userId: actor.userId,
						organizationId: actor.membership.organizationId
					})
					.run();
				setState(planId, activity, 'approved', {
					currentVersionId: final.id,
					approvedVersionId: final.id
				});
				audit('workflow.approved', actor, planId, activity, {
					versionId: final.id,
					hash: final.hash,
					milestone: final.milestone,
					signedVersionId: signed.id
				});
				return 'approved';
			}
			case 'resume': {
				setState(planId, activity, 'drafting');
				audit('workflow.resumed', actor, planId, activity, {});
				return 'drafting';
			}
			case 'reopen': {
				const approved = row.approvedVersionId;
				if (approved) {
					db.update(schema.activityVersions)
						.set({ supersededAt: new Date() })
						.where(eq(schema.activityVersions.id, approved))
						.run();
				}
				setState(planId, activity, 'drafting', { currentVersionId: null });
				const version = approved ? getVersion(approved) : undefined;
				audit('workflow.reopened', actor, planId, activity, {
					reason: input.reason?.trim(),
					supersededVersionId: approved,
					hash: version?.hash ?? null
				});
				return 'drafting';
			}
		}
	})();
	announceAccessChanged({ planId });
	if (opened) announceRound(opened, actor.userId);
	if (closed.length > 0) announceClosed(closed, actor.userId);
	return result;
}

/** The admin edits who must sign, before the activity goes to review. */
export function changePolicy(
	planId: number,
	activity: Activity,
	actor: Actor,
	policy: SignOffPolicy
): void {
	if (!canManagePlan(actor.membership)) throw new DomainError('workflow-role', {}, 403);
	if (policyEditRefusal(actor.membership, activityRow(planId, activity).state))
		throw new DomainError('policy-locked', {}, 409);
	if (policy.departments.length === 0) throw new DomainError('departments-required');
	const orgs = getDb()
		.select({ id: schema.organizations.id })
		.from(schema.organizations)
		.where(inArray(schema.organizations.id, [...policy.departments]))
		.all();
	if (orgs.length !== new Set(policy.departments).size) throw new DomainError('invalid');
	if (policy.approverId !== null) {
		const approver = getDb()
			.select({ userId: schema.planMembers.userId })
			.from(schema.planMembers)
			.where(
				and(
					eq(schema.planMembers.planId, planId),
					eq(schema.planMembers.userId, policy.approverId),
					eq(schema.planMembers.role, 'approver')
				)
			)
			.get();
		if (!approver) throw new DomainError('invalid');
	}
	getDb().$client.transaction(() => {
		savePolicy(planId, activity, policy);
		audit('workflow.policy_changed', actor, planId, activity, { ...policy });
	})();
}

/** 5.1.3: feedback on N−1's approved output while reviewing N. */
export function fileFeedback(planId: number, activity: Activity, actor: Actor, text: string): void {
	const previous = previousActivity(activity);
	if (!previous) throw new DomainError('invalid');
	const state = activityRow(planId, activity).state;
	if (state !== 'review' && state !== 'approval') throw new DomainError('workflow-state', {}, 409);
	if (!canFileFeedback(actor.membership)) throw new DomainError('workflow-role', {}, 403);
	const body = text.trim();
	if (!body) throw new DomainError('opinion-required');
	const approvedVersionId = activityRow(planId, previous).approvedVersionId;
	getDb().$client.transaction(() => {
		getDb()
			.insert(schema.priorFeedback)
			.values({
				planId,
				activity: previous,
				versionId: approvedVersionId,
				userId: actor.userId,
				text: body
			})
			.run();
		audit('workflow.feedback', actor, planId, previous, {
			from: activity,
			versionId: approvedVersionId,
			text: body
		});
	})();
}

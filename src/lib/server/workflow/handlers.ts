/**
 * One small handler per workflow action. Each gathers the facts its guards need (before the pure
 * machine decides), checks its input (before the transaction; the password check awaits), and
 * returns the step applied inside the transaction plus what to announce after the commit.
 */
import { eq } from 'drizzle-orm';
import { evaluatePlan, openItems, readyForReview } from '../../conformance/index.ts';
import {
	isPolicyApprover as decidePolicyApprover,
	mayCountersign,
	mayCountersignInTurn,
	participantKind
} from '../../policy/index.ts';
import { findSection, type Activity } from '../../standard/sections.ts';
import {
	previousActivity,
	type Guards,
	type WorkflowAction,
	type WorkflowState
} from '../../workflow/machine.ts';
import { nextInSequence, signOffStatus, type SignOffPolicy } from '../../workflow/policy.ts';
import {
	DEFAULT_DAYS,
	PARTICIPANT_GROUPS,
	REASON_MAX,
	roundConfig,
	type RoundConfigInput
} from '../../consultation/period.ts';
import { verifyPasswordThrottled } from '../auth/throttle.ts';
import {
	announceClosed,
	announceRound,
	closeRounds,
	openRound,
	roundsClosingEarly
} from '../consultation/rounds.ts';
import { getDb, schema } from '../db/index.ts';
import type { SIGNATURE_DECISIONS } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import type { MemberActor } from '../actor.ts';
import type { getPlan } from '../plans.ts';
import { loadPlanData } from '../plan-data.ts';
import { activityRow, audit, currentVersion, refusal, setState, signaturesOf } from './activity.ts';
import { consultationGate, requireConsultationDone } from './consultation-gate.ts';
import { loadPolicy } from './policy.ts';
import { announceObjection, openObjections } from './objections.ts';
import { freezeVersion, getVersion } from './versions.ts';

export interface Opinion {
	clause: string | null;
	text: string;
}

export type SignDecision = (typeof SIGNATURE_DECISIONS)[number];

/** Longest 会签意见 / 签发意见 kept. */
export const SIGN_OPINION_MAX = 2000;

export interface ActionInput {
	waiverReason?: string;
	/** countersign: 同意 / 原则同意 / 不同意 (default 同意). */
	decision?: SignDecision;
	/** countersign: 会签意见 (required with 原则同意 and 不同意); approve: 签发意见; confirm: 异议. */
	opinion?: string;
	/** confirm with 有异议 (decision `object`): the section it concerns, or none (the activity). */
	clause?: string | null;
	opinions?: Opinion[];
	password?: string;
	reason?: string;
	/** closeConsultation: why, required when a round closes before its planned end. */
	closeReason?: string;
	/** publish: the consultation round's settings (default: every group, 30 days from today). */
	round?: RoundConfigInput;
}

/** What every handler is given: the activity as read before the action. */
export interface Context {
	plan: NonNullable<ReturnType<typeof getPlan>>;
	planId: number;
	activity: Activity;
	actor: MemberActor;
	input: ActionInput;
	row: ReturnType<typeof activityRow>;
	state: WorkflowState;
	policy: SignOffPolicy;
}

/** Applied inside the transaction; `after` runs once it committed (announcements). */
export interface Step {
	apply: () => WorkflowState;
	after?: () => void;
}

/** The machine's guards plus what a handler gathered with them for its own record. */
export type Facts = Guards & {
	/** submit: required rules still open (recorded with a waiver). */
	openRequired?: string[];
};

export interface Handler {
	/** Facts the machine's guards need for this action. */
	guards?: (ctx: Context) => Facts;
	/** Nobody signs content that no longer matches its hash (checked before `prepare`). */
	verifiesContent?: boolean;
	/** Input checks (refusing before anything is written) and the step to apply. */
	prepare: (ctx: Context, guards: Facts) => Step | Promise<Step>;
}

const DEFAULT_ROUND: RoundConfigInput = {
	groups: PARTICIPANT_GROUPS,
	days: DEFAULT_DAYS,
	publicLink: false
};

type SignatureFields = Pick<
	typeof schema.activitySignatures.$inferInsert,
	'kind' | 'participant' | 'decision' | 'opinion'
>;

/** Records the actor's signature (会签, 确认, 退回, 签发) on the version they saw; returns its id. */
function insertSignature(
	{ planId, activity, actor }: Pick<Context, 'planId' | 'activity' | 'actor'>,
	version: { id: number; hash: string },
	fields: SignatureFields
): number {
	return getDb()
		.insert(schema.activitySignatures)
		.values({
			planId,
			activity,
			versionId: version.id,
			hash: version.hash,
			userId: actor.user.id,
			organizationId: actor.membership.organizationId,
			...fields
		})
		.returning({ id: schema.activitySignatures.id })
		.get().id;
}

const isPolicyApprover = (ctx: Context) =>
	decidePolicyApprover(ctx.actor.membership, ctx.actor.user.id, ctx.policy.approverId);

/**
 * Signs the current version; moves on to approval (freezing the 报批稿) once the policy is met and
 * no representative's objection waits for its answer (then the plan admin forwards it: 报批).
 */
function sign(
	ctx: Context,
	kind: 'countersign' | 'confirm',
	words: { decision: SignDecision; opinion: string | null } | null = null,
	objection: { clause: string | null } | null = null
): WorkflowState {
	const { planId, activity, actor } = ctx;
	const participant = kind === 'confirm' ? participantKind(actor.membership) : null;
	const version = currentVersion(planId, activity);
	const signatureId = insertSignature(ctx, version, {
		kind,
		participant,
		decision: words?.decision ?? null,
		opinion: words?.opinion ?? null
	});
	if (objection)
		getDb()
			.insert(schema.participationObjections)
			.values({ signatureId, planId, activity, clause: objection.clause })
			.run();
	audit(
		kind === 'countersign' ? 'workflow.countersigned' : 'workflow.confirmed',
		actor,
		planId,
		activity,
		{
			versionId: version.id,
			hash: version.hash,
			milestone: version.milestone,
			participant,
			...(words ? { decision: words.decision, opinion: words.opinion } : {}),
			...(objection ? { clause: objection.clause } : {})
		}
	);
	const status = signOffStatus(
		loadPolicy(planId, activity),
		signaturesOf(planId, activity),
		version.hash
	);
	if (!status.complete || openObjections(planId, activity, version.hash).length > 0)
		return 'review';
	return advance(ctx, version, null);
}

/** Forms the 报批稿 (by the workflow, or by the plan admin's 报批 after objections were answered). */
function advance(
	{ planId, activity, actor }: Context,
	version: ReturnType<typeof currentVersion>,
	by: number | null
): WorkflowState {
	const next = freezeVersion(planId, activity, 'approval', by);
	setState(planId, activity, 'approval', { currentVersionId: next.id });
	audit('workflow.advanced', actor, planId, activity, {
		from: 'review',
		to: 'approval',
		versionId: next.id,
		hash: next.hash,
		milestone: next.milestone,
		reviewedHash: version.hash,
		...(by !== null ? { forwarded: true } : {})
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

/** In review: whether this member signs for a listed department, and whether it already did. */
function countersignFacts(ctx: Context) {
	const version = currentVersion(ctx.planId, ctx.activity);
	const signedByOrg = signaturesOf(ctx.planId, ctx.activity).some(
		(s) =>
			s.kind === 'countersign' &&
			s.hash === version.hash &&
			s.organizationId === ctx.actor.membership.organizationId
	);
	return { may: mayCountersign(ctx.actor.membership, ctx.policy.departments), signedByOrg };
}

const publish: Handler = {
	prepare: ({ planId, activity, actor, input }) => {
		const checked = roundConfig(input.round ?? DEFAULT_ROUND, Date.now());
		if (!checked.ok) throw new DomainError(checked.problem);
		const config = checked.config;
		let opened: ReturnType<typeof openRound> | undefined;
		return {
			apply: () => {
				const version = freezeVersion(planId, activity, 'consultation', actor.user.id);
				setState(planId, activity, 'consultation', { currentVersionId: version.id });
				audit('workflow.published', actor, planId, activity, {
					versionId: version.id,
					hash: version.hash,
					milestone: version.milestone
				});
				opened = openRound(planId, activity, version.id, config, actor);
				return 'consultation';
			},
			after: () => {
				if (opened) announceRound(opened, actor.user.id);
			}
		};
	}
};

const closeConsultation: Handler = {
	prepare: ({ planId, activity, actor, input, row }) => {
		const closeReason = input.closeReason?.trim().slice(0, REASON_MAX) || null;
		if (!closeReason && roundsClosingEarly(planId, activity).length)
			throw new DomainError('round-close-reason-required');
		let closed: ReturnType<typeof closeRounds> = [];
		return {
			apply: () => {
				closed = closeRounds(planId, activity, actor, closeReason);
				audit('workflow.consultation_closed', actor, planId, activity, {
					versionId: row.currentVersionId,
					early: closed.some((r) => r.closeReason !== null),
					reason: closeReason
				});
				setState(planId, activity, 'drafting', { currentVersionId: null });
				return 'drafting';
			},
			after: () => {
				if (closed.length > 0) announceClosed(closed, actor.user.id);
			}
		};
	}
};

const submit: Handler = {
	guards: ({ plan, activity, input }) => {
		const checklist = evaluatePlan(loadPlanData(plan));
		return {
			checklistMet: readyForReview(checklist, activity),
			waiverReason: input.waiverReason?.trim() || undefined,
			openRequired: [
				...new Set(openItems(checklist, { activity, level: 'required' }).map((i) => i.ruleId))
			]
		};
	},
	prepare: ({ planId, activity, actor, policy }, guards) => {
		const openRequired = guards.openRequired ?? [];
		const gate = consultationGate(planId, activity, policy.consultationWaiver ?? null);
		requireConsultationDone(gate);
		return {
			apply: () => {
				const waiver = guards.checklistMet ? null : (guards.waiverReason ?? null);
				const version = freezeVersion(
					planId,
					activity,
					'review',
					actor.user.id,
					waiver,
					gate.waiver
				);
				setState(planId, activity, 'review', { currentVersionId: version.id });
				audit('workflow.submitted', actor, planId, activity, {
					versionId: version.id,
					hash: version.hash,
					milestone: version.milestone,
					checklistMet: guards.checklistMet ?? false,
					waiver,
					waivedRules: guards.checklistMet ? [] : openRequired,
					consultationWaiver: gate.waiver
				});
				return 'review';
			}
		};
	}
};

const countersign: Handler = {
	guards: (ctx) => {
		const { may, signedByOrg } = countersignFacts(ctx);
		if (may && signedByOrg) throw new DomainError('already-signed', {}, 409);
		// 依次: only the department whose turn it is signs (a 不同意 too: it is that step's opinion).
		if (may) {
			const version = currentVersion(ctx.planId, ctx.activity);
			const next = nextInSequence(ctx.policy, signaturesOf(ctx.planId, ctx.activity), version.hash);
			if (!mayCountersignInTurn(ctx.actor.membership, ctx.policy.departments, next))
				throw new DomainError('out-of-turn', {}, 409);
		}
		return { mayCountersign: may };
	},
	verifiesContent: true,
	prepare: (ctx) => {
		const decision = ctx.input.decision ?? 'agree';
		// 有异议 is a representative's answer in 参与确认, not a department's 会签意见.
		if (decision === 'object') throw new DomainError('invalid');
		const opinion = ctx.input.opinion?.trim().slice(0, SIGN_OPINION_MAX) || null;
		// 原则同意 carries its comments and 不同意 its reasons: neither is given without words.
		if (decision !== 'agree' && !opinion) throw new DomainError('opinion-required');
		// 不同意 returns the activity, with the reason as the return's opinion.
		if (decision === 'disagree')
			return {
				apply: () =>
					applyReturn(ctx, [{ clause: null, text: opinion ?? '' }], { decision, opinion })
			};
		return { apply: () => sign(ctx, 'countersign', { decision, opinion }) };
	}
};

const confirm: Handler = {
	guards: ({ planId, activity, actor }) => {
		const version = currentVersion(planId, activity);
		const confirmed = signaturesOf(planId, activity).some(
			(s) => s.kind === 'confirm' && s.hash === version.hash && s.userId === actor.user.id
		);
		if (confirmed) throw new DomainError('already-signed', {}, 409);
		return {};
	},
	verifiesContent: true,
	prepare: (ctx) => {
		const { planId, activity, actor, input } = ctx;
		if (input.decision === undefined || input.decision === 'agree')
			return { apply: () => sign(ctx, 'confirm') };
		// 有异议: the representative's reasons are required; the section, if named, is this activity's.
		if (input.decision !== 'object') throw new DomainError('invalid');
		const opinion = input.opinion?.trim().slice(0, SIGN_OPINION_MAX);
		if (!opinion) throw new DomainError('objection-required');
		const clause = input.clause || null;
		if (clause !== null && findSection(clause)?.activity !== activity)
			throw new DomainError('invalid');
		return {
			apply: () => sign(ctx, 'confirm', { decision: 'object', opinion }, { clause }),
			after: () => announceObjection(planId, activity, clause, opinion, actor.user.id)
		};
	}
};

/**
 * 报批 by the plan admin: when the policy was met while objections waited, the 报批稿 is formed once
 * every objection has its answer. Refused, naming them, while any is open.
 */
const forward: Handler = {
	guards: ({ planId, activity, policy }) => {
		const version = currentVersion(planId, activity);
		const status = signOffStatus(policy, signaturesOf(planId, activity), version.hash);
		if (!status.complete) throw new DomainError('signoff-incomplete', {}, 409);
		const open = openObjections(planId, activity, version.hash);
		if (open.length > 0)
			throw new DomainError(
				'objections-open',
				{
					count: open.length,
					list: open
						.map((o) => `${o.organization} ${o.user}${o.clause ? `（${o.clause}）` : ''}`)
						.join('、')
				},
				409
			);
		return {};
	},
	verifiesContent: true,
	prepare: (ctx) => ({
		apply: () => advance(ctx, currentVersion(ctx.planId, ctx.activity), ctx.actor.user.id)
	})
};

/** Returns the activity with opinions (a return, or a countersign's 不同意). */
function applyReturn(
	ctx: Context,
	opinions: Opinion[],
	words: { decision: SignDecision; opinion: string | null } | null = null
): WorkflowState {
	const { planId, activity, actor, state } = ctx;
	const version = currentVersion(planId, activity);
	const signatureId = insertSignature(ctx, version, {
		kind: 'return',
		decision: words?.decision ?? null,
		opinion: words?.opinion ?? null
	});
	getDb()
		.insert(schema.returnOpinions)
		.values(opinions.map((o) => ({ ...o, planId, signatureId })))
		.run();
	setState(planId, activity, 'returned');
	audit('workflow.returned', actor, planId, activity, {
		from: state,
		versionId: version.id,
		hash: version.hash,
		milestone: version.milestone,
		opinions,
		...(words ? { decision: words.decision } : {})
	});
	return 'returned';
}

const returnAction: Handler = {
	// Returning in review is a countersigning department's act, in approval the approver's.
	guards: (ctx) =>
		ctx.state === 'review'
			? { mayCountersign: countersignFacts(ctx).may }
			: { isPolicyApprover: isPolicyApprover(ctx) },
	prepare: (ctx) => {
		const opinions = cleanOpinions(ctx.activity, ctx.input.opinions);
		return { apply: () => applyReturn(ctx, opinions) };
	}
};

/** 签发 re-enters the password, sharing the login's throttle: no guessing here either. */
async function requirePassword(ctx: Context) {
	const { planId, activity, actor, input } = ctx;
	const user = getDb()
		.select({ passwordHash: schema.users.passwordHash, username: schema.users.username })
		.from(schema.users)
		.where(eq(schema.users.id, actor.user.id))
		.get();
	if (!user) throw new DomainError('workflow-role', {}, 403);
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
	if (activityRow(planId, activity).state !== ctx.state) throw refusal('state');
}

const approve: Handler = {
	guards: (ctx) => {
		const previous = previousActivity(ctx.activity);
		return {
			isPolicyApprover: isPolicyApprover(ctx),
			previousApproved: previous ? activityRow(ctx.planId, previous).state === 'approved' : true
		};
	},
	verifiesContent: true,
	prepare: async (ctx) => {
		await requirePassword(ctx);
		const { planId, activity, actor } = ctx;
		const opinion = ctx.input.opinion?.trim().slice(0, SIGN_OPINION_MAX) || null;
		return {
			apply: () => {
				const signed = currentVersion(planId, activity);
				const final = freezeVersion(planId, activity, 'final', actor.user.id);
				// Sections are locked in approval, so the 定稿 is exactly what the approver saw.
				if (final.hash !== signed.hash) throw new DomainError('hash-mismatch', {}, 409);
				insertSignature(ctx, signed, { kind: 'approve', opinion });
				setState(planId, activity, 'approved', {
					currentVersionId: final.id,
					approvedVersionId: final.id
				});
				audit('workflow.approved', actor, planId, activity, {
					versionId: final.id,
					hash: final.hash,
					milestone: final.milestone,
					signedVersionId: signed.id,
					opinion
				});
				return 'approved';
			}
		};
	}
};

const resume: Handler = {
	prepare: ({ planId, activity, actor }) => ({
		apply: () => {
			setState(planId, activity, 'drafting');
			audit('workflow.resumed', actor, planId, activity, {});
			return 'drafting';
		}
	})
};

const reopen: Handler = {
	prepare: ({ planId, activity, actor, input, row }) => {
		const reason = input.reason?.trim();
		if (!reason) throw new DomainError('reason-required');
		return {
			apply: () => {
				const approved = row.approvedVersionId;
				if (approved) {
					getDb()
						.update(schema.activityVersions)
						.set({ supersededAt: new Date() })
						.where(eq(schema.activityVersions.id, approved))
						.run();
				}
				setState(planId, activity, 'drafting', { currentVersionId: null });
				const version = approved ? getVersion(approved) : undefined;
				audit('workflow.reopened', actor, planId, activity, {
					reason,
					supersededVersionId: approved,
					hash: version?.hash ?? null
				});
				return 'drafting';
			}
		};
	}
};

export const HANDLERS: Readonly<Record<WorkflowAction, Handler>> = {
	publish,
	closeConsultation,
	submit,
	countersign,
	confirm,
	forward,
	return: returnAction,
	approve,
	resume,
	reopen
};

import { now } from '#lib/server/clock.ts';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { proseText, tokenText } from '#lib/forms.ts';
import { canApprove, canManagePlan, canReadDraft, workflowActionsFor } from '#lib/policy/index.ts';
import { attempt, parseForm } from '#lib/server/actions.ts';
import { memberActorOf, type MemberActor } from '#lib/server/actor.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { planMembers } from '#lib/server/plans.ts';
import {
	myStanding,
	openRequiredFor,
	policyView,
	previousView,
	signerCandidates
} from '#lib/server/workflow/page-data.ts';
import { consultationGate } from '#lib/server/workflow/consultation-gate.ts';
import { loadPolicy } from '#lib/server/workflow/policy.ts';
import {
	loadActivityProgress,
	loadReturns,
	loadSignatures,
	loadTimeline
} from '#lib/server/workflow/queries.ts';
import {
	activityRow,
	changePolicy,
	performAction,
	signaturesOf,
	type ActionInput
} from '#lib/server/workflow/service.ts';
import { DEFAULT_DAYS, REASON_MAX, chinaDay } from '#lib/consultation/period.ts';
import { listRounds } from '#lib/server/consultation/rounds.ts';
import { getVersion, versionsOf } from '#lib/server/workflow/versions.ts';
import { SIGN_OPINION_MAX } from '#lib/server/workflow/handlers.ts';
import { COUNTERSIGN_DECISIONS } from '#lib/server/db/schema.ts';
import { answerObjection, loadObjections } from '#lib/server/workflow/objections.ts';
import { ACTIVITIES, ACTIVITY_CHAPTER, SECTIONS, type Activity } from '#lib/standard/sections.ts';
import { previousActivity, type WorkflowAction } from '#lib/workflow/machine.ts';
import { nextInSequence, signOffStatus, STEP_MODES } from '#lib/workflow/policy.ts';
import { stepDeadline } from '#lib/server/workflow/todo.ts';
import { feedbackView } from '#lib/server/feedback/views.ts';
import { feedbackActions } from '#lib/server/feedback/actions.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function parseActivity(raw: string): Activity {
	const activity = ACTIVITIES.find((a) => a === raw);
	if (!activity) error(404, { message: 'not found' });
	return activity;
}

export const load: PageServerLoad = (event) => {
	const { plan, membership, user } = requirePlanMember(event);
	const activity = parseActivity(event.params.activity);
	const row = activityRow(plan.id, activity);
	const policy = loadPolicy(plan.id, activity);
	const current = row.currentVersionId ? getVersion(row.currentVersionId) : undefined;
	const signatures = signaturesOf(plan.id, activity);
	const status = current ? signOffStatus(policy, signatures, current.hash) : undefined;
	const organizations = signerCandidates(plan.id, activity, policy);
	const members = planMembers(plan.id);
	const actions = workflowActionsFor(row.state, membership);

	return {
		plan: { id: plan.id, name: plan.name },
		activity,
		chapter: ACTIVITY_CHAPTER[activity],
		state: row.state,
		readsDraft: canReadDraft(membership),
		isAdmin: canManagePlan(membership),
		sections: SECTIONS.filter((s) => s.activity === activity).map((s) => ({
			clause: s.clause,
			title: s.title
		})),
		actions,
		me: {
			...myStanding(membership, user.id, policy, signatures, current?.hash),
			// 依次: someone else's turn (the department that signs next).
			turn: current ? (nextInSequence(policy, signatures, current.hash) ?? null) : null
		},
		deadline:
			current &&
			policy.deadlineDays !== null &&
			(row.state === 'review' || row.state === 'approval')
				? stepDeadline(current.createdAt.getTime(), policy.deadlineDays)
				: null,
		now: now(),
		policy: policyView(policy, membership, row.state, members, organizations),
		organizations,
		approvers: members
			.filter((m) => canApprove({ roles: m.roles, organizationId: 0 }))
			.map((m) => ({ id: m.userId, name: m.displayName, organization: m.organization })),
		current: current
			? { id: current.id, milestone: current.milestone, seq: current.seq, hash: current.hash }
			: null,
		status: status
			? {
					countersigned: status.countersigned,
					missing: status.missingDepartments,
					enterpriseConfirmed: status.enterpriseConfirmed,
					residentConfirmed: status.residentConfirmed,
					complete: status.complete
				}
			: null,
		signatures: current ? loadSignatures(plan.id, activity, current.hash) : [],
		objections: current
			? loadObjections(plan.id, activity, current.hash, membership, row.state === 'review')
			: [],
		openRequired: actions.includes('submit') ? openRequiredFor(plan, activity) : [],
		consultation: consultationGate(plan.id, activity, policy.consultationWaiver ?? null),
		versions: versionsOf(plan.id, activity).map((v) => ({
			...v,
			createdAt: v.createdAt.getTime(),
			supersededAt: v.supersededAt?.getTime() ?? null
		})),
		approvedVersionId: row.approvedVersionId,
		returns: loadReturns(plan.id, activity),
		timeline: loadTimeline(plan.id, activity),
		previous: previousView(plan.id, activity),
		feedback: feedbackView(plan.id, activity, user.id),
		progress: loadActivityProgress(plan.id),
		today: chinaDay(Date.now()),
		rounds: listRounds(plan.id).filter((r) => r.activity === activity)
	};
};

function actorOf(event: RequestEvent): { actor: MemberActor; planId: number; activity: Activity } {
	const { plan, membership } = requirePlanMember(event);
	const activity = parseActivity(event.params.activity);
	return { actor: memberActorOf(event, membership), planId: plan.id, activity };
}

const Empty = z.object({});
const Close = z.object({ closeReason: proseText.max(REASON_MAX).optional() });
const Submit = z.object({ waiverReason: proseText.max(2000).optional() });
const Opinion = proseText.max(SIGN_OPINION_MAX).optional();
const Countersign = z.object({
	decision: z.enum(COUNTERSIGN_DECISIONS).optional(),
	opinion: Opinion
});
/** 参与确认: 确认 (agree) or 有异议 (object) with its reasons and, optionally, the section. */
const Confirm = z.object({
	decision: z.enum(['agree', 'object']).optional(),
	opinion: Opinion,
	clause: tokenText.max(20).optional()
});
const Answer = z.object({
	objection: z.coerce.number().int().positive(),
	answer: proseText.trim().min(1, 'error:answer-required').max(SIGN_OPINION_MAX)
});
const Approve = z.object({
	password: z.string().min(1, 'error:password-required').max(200),
	opinion: Opinion
});
const Reason = z.object({ reason: proseText.trim().min(1, 'error:reason-required').max(2000) });
/** 退回: opinions as parallel lists of sections ('' for the activity) and texts. */
const Return = z.object({
	clause: z.array(tokenText.max(20)).default([]),
	opinion: z.array(proseText).default([])
});
const Publish = z.object({
	days: z.coerce.number().int().optional(),
	groups: z.array(tokenText.max(40)).default([]),
	startsOn: tokenText.max(10).optional(),
	shortReason: proseText.max(2000).optional(),
	publicLink: z.string().optional(),
	opinionsPublic: z.string().optional(),
	configured: z.string().optional()
});

/** The round's settings from the publish form; none when the form had no settings (defaults). */
function roundInput(data: z.infer<typeof Publish>): ActionInput['round'] {
	if (!data.configured) return undefined;
	return {
		groups: data.groups,
		days: data.days ?? DEFAULT_DAYS,
		startsOn: data.startsOn ?? '',
		shortReason: data.shortReason ?? '',
		publicLink: data.publicLink === 'on',
		opinionsPublic: data.opinionsPublic === 'public'
	};
}

const Policy = z.looseObject({
	departments: z.array(z.coerce.number().int().positive()).default([]),
	enterpriseCount: z.coerce.number().int().min(0).max(50),
	residentCount: z.coerce.number().int().min(0).max(50),
	approverId: z.union([z.literal(''), z.coerce.number().int().positive()]),
	consultationWaiver: proseText.max(2000).optional(),
	mode: z.enum(STEP_MODES).default('all'),
	/** 比例: counted in departments (k of n) or as a share (p%). */
	thresholdUnit: z.enum(['count', 'percent']).default('count'),
	threshold: z.union([z.literal(''), z.coerce.number().int().min(1).max(50)]).optional(),
	thresholdPercent: z.union([z.literal(''), z.coerce.number().int().min(1).max(100)]).optional(),
	deadlineDays: z.union([z.literal(''), z.coerce.number().int().min(1).max(60)]).optional()
});

/** Departments in signing order: each checked one's `order-<id>` field (then its id) decides. */
function orderedDepartments(data: Record<string, unknown>, ids: number[]): number[] {
	const order = (id: number) => {
		const n = Number(data[`order-${id}`]);
		return Number.isFinite(n) && n > 0 ? n : 1000;
	};
	return [...ids].sort((a, b) => order(a) - order(b) || a - b);
}

/** An empty field means "not set". */
const orNull = <T>(value: T | '' | undefined): T | null =>
	value === '' || value === undefined ? null : value;

interface RunOptions<T> {
	/** Fields the form repeats (see parseForm). */
	lists?: readonly string[];
	/** reopenPrevious acts on the activity before this one. */
	which?: 'this' | 'previous';
	/** The success word the page shows (default: the action's name). */
	success?: (data: T) => string;
}

/** Parses the form with its schema and performs the action with what the schema let through. */
async function run<S extends z.ZodType>(
	event: RequestEvent,
	action: WorkflowAction,
	schemaFor: S,
	toInput: (data: z.infer<S>) => ActionInput = () => ({}),
	{ lists = [], which = 'this', success = () => action }: RunOptions<z.infer<S>> = {}
) {
	const { actor, planId, activity } = actorOf(event);
	const parsed = parseForm(schemaFor, await event.request.formData(), 'workflow', lists);
	if (!parsed.ok) return parsed.failure;
	const targetActivity = which === 'previous' ? previousActivity(activity) : activity;
	if (!targetActivity) error(404, { message: 'not found' });
	const result = await attempt('workflow', () =>
		performAction(planId, targetActivity, action, actor, toInput(parsed.data))
	);
	if (!result.ok) return result.failure;
	return { form: 'workflow', success: success(parsed.data), state: result.value };
}

export const actions: Actions = {
	publish: (event) =>
		run(event, 'publish', Publish, (d) => ({ round: roundInput(d) }), { lists: ['groups'] }),
	closeConsultation: (event) =>
		run(event, 'closeConsultation', Close, (d) => ({ closeReason: d.closeReason ?? '' })),
	submit: (event) => run(event, 'submit', Submit, (d) => ({ waiverReason: d.waiverReason ?? '' })),
	countersign: (event) =>
		run(event, 'countersign', Countersign, (d) => ({ decision: d.decision, opinion: d.opinion })),
	confirm: (event) =>
		run(
			event,
			'confirm',
			Confirm,
			(d) => ({ decision: d.decision, opinion: d.opinion, clause: d.clause || null }),
			// 有异议 is told apart from a plain confirmation on the page.
			{ success: (d) => (d.decision === 'object' ? 'objected' : 'confirm') }
		),
	forward: (event) => run(event, 'forward', Empty),
	answerObjection: async (event) => {
		const { actor, planId, activity } = actorOf(event);
		const parsed = parseForm(Answer, await event.request.formData(), 'objection');
		if (!parsed.ok) return parsed.failure;
		const result = await attempt('objection', () =>
			answerObjection(planId, activity, parsed.data.objection, actor, parsed.data.answer)
		);
		if (!result.ok) return result.failure;
		return { form: 'objection', success: 'answered' };
	},
	return: (event) =>
		run(
			event,
			'return',
			Return,
			(d) => ({
				opinions: d.opinion.map((text, i) => ({ clause: d.clause[i] || null, text }))
			}),
			{ lists: ['clause', 'opinion'] }
		),
	approve: (event) =>
		run(event, 'approve', Approve, (d) => ({ password: d.password, opinion: d.opinion ?? '' })),
	resume: (event) => run(event, 'resume', Empty),
	reopen: (event) => run(event, 'reopen', Reason, (d) => ({ reason: d.reason })),
	reopenPrevious: (event) =>
		run(event, 'reopen', Reason, (d) => ({ reason: d.reason }), { which: 'previous' }),
	policy: async (event) => {
		const { actor, planId, activity } = actorOf(event);
		const parsed = parseForm(Policy, await event.request.formData(), 'policy', ['departments']);
		if (!parsed.ok) return parsed.failure;
		const p = parsed.data;
		const percent = p.thresholdUnit === 'percent';
		const result = await attempt('policy', () =>
			changePolicy(planId, activity, actor, {
				departments: orderedDepartments(p, [...new Set(p.departments)]),
				mode: p.mode,
				threshold: percent ? null : orNull(p.threshold),
				thresholdPercent: percent ? orNull(p.thresholdPercent) : null,
				deadlineDays: orNull(p.deadlineDays),
				enterpriseCount: p.enterpriseCount,
				residentCount: p.residentCount,
				approverId: orNull(p.approverId),
				consultationWaiver: p.consultationWaiver?.trim() || null
			})
		);
		if (!result.ok) return result.failure;
		return { form: 'policy', success: 'saved' };
	},
	...feedbackActions(parseActivity)
};

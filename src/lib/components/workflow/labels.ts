/** Message lookups for workflow values: milestones, timeline actions, refusals. */
import { m } from '#lib/paraglide/messages.js';
import type { Milestone } from '#lib/workflow/machine.ts';

export const milestoneLabel = (milestone: Milestone): string =>
	({
		consultation: m.wf_milestone_consultation,
		review: m.wf_milestone_review,
		approval: m.wf_milestone_approval,
		final: m.wf_milestone_final
	})[milestone]();

const ACTION_LABELS: Record<string, () => string> = {
	'workflow.published': m.wf_event_published,
	'workflow.consultation_closed': m.wf_event_consultation_closed,
	'workflow.submitted': m.wf_event_submitted,
	'workflow.countersigned': m.wf_event_countersigned,
	'workflow.confirmed': m.wf_event_confirmed,
	'workflow.advanced': m.wf_event_advanced,
	'workflow.returned': m.wf_event_returned,
	'workflow.approved': m.wf_event_approved,
	'workflow.signoff_failed': m.wf_event_signoff_failed,
	'workflow.resumed': m.wf_event_resumed,
	'workflow.reopened': m.wf_event_reopened,
	'workflow.policy_changed': m.wf_event_policy_changed,
	'workflow.feedback': m.wf_event_feedback,
	'workflow.objection_answered': m.wf_event_objection_answered,
	'workflow.feedback_answered': m.feedback_event_answered
};

export const eventLabel = (action: string): string => ACTION_LABELS[action]?.() ?? action;

/** The first 12 hex digits of a hash, for lists; pages show the whole hash where it matters. */
export const shortHash = (hash: string): string => hash.slice(0, 12);

export const stateTone: Record<string, string> = {
	drafting: 'bg-slate-100 text-slate-700',
	consultation: 'bg-amber-100 text-amber-800',
	review: 'bg-indigo-100 text-indigo-800',
	approval: 'bg-purple-100 text-purple-800',
	approved: 'bg-green-100 text-green-800',
	returned: 'bg-red-100 text-red-800'
};

/** A countersign's decision (会签意见): 同意 / 原则同意 / 不同意; a confirmation's 有异议. */
export const decisionLabel = (
	decision: 'agree' | 'agree-with-comments' | 'disagree' | 'object'
): string =>
	({
		agree: m.wf_decision_agree,
		'agree-with-comments': m.wf_decision_agree_with_comments,
		disagree: m.wf_decision_disagree,
		object: m.wf_decision_object
	})[decision]();

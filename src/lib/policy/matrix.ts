/**
 * The role × action matrix the policy implies for the demo plan (src/lib/server/seed/demo-data.ts):
 * one persona per kind of user, each action on a fixed sample (section 8.3, owned by 大数据局 alone,
 * drafting; a consultation comment on 9.2, also 大数据局's). The expected answers are computed here
 * from the policy functions, never written by hand, so the unit test and the integration test that
 * tries every pair through the real HTTP and WebSocket paths both follow the rule book.
 */
import type { Membership } from '../roles.ts';
import {
	canActOnWorkflow,
	canAnswerConsultation,
	canAnswerFeedback,
	canFileFeedback,
	canComment,
	canConfirmManualCheck,
	canExport,
	canManagePlan,
	canReadDraft,
	canReadHistory,
	canResolveThread,
	canSaveNamedVersion,
	canWaiveConsultation,
	policyEditRefusal,
	collabAccess,
	restoreRefusal,
	type CollabAccess
} from './index.ts';

/** Demo organization ids, in the seed's order (大数据局 is 1). */
const ORG = { dsj: 1, fgw: 2, zf: 5, qy: 6, jm: 7, zj: 8 } as const;

export interface Persona {
	/** Login name; the outsider is created by the test, a member of no plan. */
	username: string;
	label: string;
	membership: Membership | undefined;
}

export const PERSONAS: readonly Persona[] = [
	{
		username: 'admin',
		label: 'plan admin',
		membership: { roles: ['admin', 'editor'], organizationId: ORG.dsj }
	},
	{
		username: 'dsj',
		label: 'owning-department editor',
		membership: { roles: ['editor'], organizationId: ORG.dsj }
	},
	{
		username: 'fgw',
		label: 'other-department editor',
		membership: { roles: ['editor'], organizationId: ORG.fgw }
	},
	{
		username: 'reviewer',
		label: 'reviewer',
		membership: { roles: ['reviewer'], organizationId: ORG.fgw }
	},
	{
		username: 'leader',
		label: 'approver',
		membership: { roles: ['approver'], organizationId: ORG.zf }
	},
	{
		username: 'qiye',
		label: 'enterprise',
		membership: { roles: ['enterprise'], organizationId: ORG.qy }
	},
	{
		username: 'jumin',
		label: 'resident',
		membership: { roles: ['resident'], organizationId: ORG.jm }
	},
	{ username: 'matrix-outsider', label: 'non-member', membership: undefined }
];

/** The sample the actions are tried on. */
export const SAMPLE = {
	clause: '8.3',
	owners: [ORG.dsj],
	state: 'drafting',
	/** The section a consultation comment is answered on, in the activity that is published. */
	answerClause: '9.2',
	answerOwners: [ORG.dsj],
	publishActivity: 'roadmap',
	/** The activity whose consultation round is waived in its policy. */
	waiveActivity: 'overall',
	/** A thread on the sample section opened by someone who is none of the personas. */
	threadAuthor: 'expert',
	/**
	 * 5.1.3: feedback filed from 总体设计 (drafting; its sections are 大数据局's and 发改委's) on
	 * 需求分析's 定稿, anchored to 6.3 (大数据局's).
	 */
	feedbackActivity: 'overall',
	feedbackActivityOwners: [ORG.dsj, ORG.fgw],
	feedbackClause: '6.3',
	feedbackClauseOwners: [ORG.dsj]
} as const;

export const MATRIX_ACTIONS = [
	'readSection',
	'comment',
	'resolveThread',
	'saveNamedVersion',
	'restoreHistory',
	'exportDraft',
	'manageMembers',
	'publish',
	'answerConsultation',
	'waiveConsultation',
	'fileFeedback',
	'answerFeedback',
	'confirmManualCheck'
] as const;
export type MatrixAction = (typeof MATRIX_ACTIONS)[number];

/** Whether the persona may take the action on the sample, by the rule book. */
export function allowed(persona: Persona, action: MatrixAction): boolean {
	const m = persona.membership;
	const { owners, state } = SAMPLE;
	switch (action) {
		case 'readSection':
			return canReadDraft(m);
		case 'comment':
			return canComment(m);
		case 'resolveThread':
			// Not the thread's author (user 0 is nobody): only those who answer for the section.
			return canComment(m) && canResolveThread(m, owners, 0, -1);
		case 'saveNamedVersion':
			return canReadHistory(m) && canSaveNamedVersion(m, owners);
		case 'restoreHistory':
			return canReadHistory(m) && restoreRefusal(m, owners, state) === null;
		case 'exportDraft':
			return canExport(m, 'draft');
		case 'manageMembers':
			return canManagePlan(m);
		case 'publish':
			return canActOnWorkflow(state, 'publish', m).ok;
		case 'answerConsultation':
			return canAnswerConsultation(m, SAMPLE.answerOwners);
		case 'waiveConsultation':
			// Set in the sign-off policy of an activity still in drafting.
			return canWaiveConsultation(m) && policyEditRefusal(m, state) === null;
		case 'fileFeedback':
			// 需求分析 approved, 总体设计 drafting: the window is open; who decides.
			return canFileFeedback(m, SAMPLE.feedbackActivityOwners);
		case 'answerFeedback':
			return canAnswerFeedback(m, SAMPLE.feedbackClauseOwners);
		case 'confirmManualCheck':
			return canConfirmManualCheck(m);
	}
}

/**
 * What the live section document grants the persona over the collab WebSocket: write, suggest
 * (修订: writable, but only inside suggestion marks), read or none.
 */
export function socketAccess(persona: Persona): CollabAccess {
	return collabAccess(persona.membership, SAMPLE.owners, SAMPLE.state);
}

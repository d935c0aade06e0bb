/**
 * The rule book: every "may this user do that to this thing" of Lantu, as small pure functions over
 * plain facts (plan roles, organization, a section's owner departments, the activity's state, a
 * thing's author). Isomorphic: services, routes and the collaboration server gather the facts
 * (database reads, src/lib/server/access.ts) and ask here; pages mirror the same answers. Nothing
 * else in the tree decides a permission (issue 12).
 */
import {
	commentRefusal,
	type CommentRefusal,
	type ParticipantType
} from '../consultation/period.ts';
import type { ActivityState, Membership, PlanRole } from '../roles.ts';
import {
	availableActions,
	decide,
	type WorkflowAction,
	type WorkflowState
} from '../workflow/machine.ts';

export type { Membership };

export function hasRole(membership: Membership | undefined, role: PlanRole): boolean {
	return membership?.roles.includes(role) ?? false;
}

/** The user behind a request, as far as the site (not one plan) is concerned. */
export interface SiteUser {
	isSystemAdmin: boolean;
}

/** 系统管理: users, organizations, the audit log. */
export function canAdministerSite(user: SiteUser | null | undefined): boolean {
	return user?.isSystemAdmin === true;
}

/** Disabling an account: a site admin may disable any account but their own (no lock-out). */
export function disableUserRefusal(actorId: number, targetId: number): 'self' | null {
	return actorId === targetId ? 'self' : null;
}

/** Removing a member's role: a plan keeps an admin, so its last admin's admin role stays. */
export function roleRemovalRefusal(
	role: PlanRole,
	heldByMember: boolean,
	planAdmins: number
): 'last-admin' | null {
	return role === 'admin' && heldByMember && planAdmins <= 1 ? 'last-admin' : null;
}

/** Members, invitations, section assignments, consultation rounds and sign-off policies. */
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

/** Whether a member is an editor of a department assigned to the section (any activity state). */
export function isSectionEditor(
	membership: Membership | undefined,
	owners: readonly number[]
): boolean {
	return (
		!!membership && hasRole(membership, 'editor') && owners.includes(membership.organizationId)
	);
}

/**
 * Whether a member may write a section: an editor of a department assigned to it, while the
 * activity is drafting (or returned, which is drafting again with opinions attached).
 */
export function canWriteSection(
	membership: Membership | undefined,
	owners: readonly number[],
	activityState: ActivityState
): boolean {
	if (activityState !== 'drafting' && activityState !== 'returned') return false;
	return isSectionEditor(membership, owners);
}

/**
 * An activity's consultation record (answers, confirmations, comments, moderation) is frozen from
 * 提交会签 on: it is part of what the 报批稿 and 定稿 sign. Reopening or a return unfreezes it.
 */
export function consultationRecordFrozen(activityState: ActivityState): boolean {
	return activityState === 'review' || activityState === 'approval' || activityState === 'approved';
}

export type SectionAccess = 'write' | 'read' | 'none';

/** Access of a member to the live draft of one section (web pages and the collab server alike). */
export function sectionAccess(
	membership: Membership | undefined,
	owners: readonly number[],
	activityState: ActivityState
): SectionAccess {
	if (!canReadDraft(membership)) return 'none';
	return canWriteSection(membership, owners, activityState) ? 'write' : 'read';
}

/**
 * 修订 (issue 17): proposing changes to a section one reads but may not write — other
 * departments' editors, reviewers (experts are reviewers of an expert organization) and plan
 * admins — while the activity is drafting, as the section's writers can. Approvers and 多元参与
 * participants do not; they comment. A plan may turn this off (可提修订, `suggestionsOpen`).
 */
export function canSuggest(
	membership: Membership | undefined,
	owners: readonly number[],
	activityState: ActivityState,
	suggestionsOpen = true
): boolean {
	if (!suggestionsOpen) return false; // the plan's 可提修订 setting is off
	if (activityState !== 'drafting' && activityState !== 'returned') return false;
	if (!canReadDraft(membership) || canWriteSection(membership, owners, activityState)) return false;
	return (membership?.roles ?? []).some((r) => r === 'editor' || r === 'reviewer' || r === 'admin');
}

export type CollabAccess = SectionAccess | 'suggest';

/**
 * What a member's connection to a section's live document may do: write, only suggest (every
 * change inside suggestion marks, enforced by the collaboration server), only read, or nothing.
 */
export function collabAccess(
	membership: Membership | undefined,
	owners: readonly number[],
	activityState: ActivityState,
	suggestionsOpen = true
): CollabAccess {
	const access = sectionAccess(membership, owners, activityState);
	if (access === 'read' && canSuggest(membership, owners, activityState, suggestionsOpen))
		return 'suggest';
	return access;
}

/**
 * Deciding on suggestions (accept, reject): those who write the section. Accepting is writing;
 * the collaboration server already refuses it from anyone else.
 */
export function canDecideSuggestions(
	membership: Membership | undefined,
	owners: readonly number[],
	activityState: ActivityState
): boolean {
	return canWriteSection(membership, owners, activityState);
}

/** Comment threads on the draft: whoever reads the draft may open and reply to them. */
export function canComment(membership: Membership | undefined): boolean {
	return canReadDraft(membership);
}

/**
 * Those who answer for a section: plan admins, and editors of a department assigned to it. They
 * resolve anyone's thread and answer consultation comments (2 rules that were written twice).
 */
export function answersForSection(
	membership: Membership | undefined,
	owners: readonly number[]
): boolean {
	return canManagePlan(membership) || isSectionEditor(membership, owners);
}

/**
 * Answering a representative's 有异议 (issue 14): those who answer for the section it concerns;
 * for the activity as a whole (no section, no owners) the plan admins of the lead department.
 */
export function canAnswerObjection(
	membership: Membership | undefined,
	owners: readonly number[]
): boolean {
	return answersForSection(membership, owners);
}

/** Resolving or reopening a thread: its author, or those who answer for the section. */
export function canResolveThread(
	membership: Membership | undefined,
	owners: readonly number[],
	userId: number,
	authorId: number
): boolean {
	return authorId === userId || answersForSection(membership, owners);
}

/**
 * Resolving or reopening the discussion of a suggestion (修订, issue 17): as any thread — its
 * author or those who answer for the section — and also the suggestion's own author, who may
 * close the discussion of their proposal. Commenting and replying follow the comments' rule:
 * whoever reads the section sees its suggestions and may discuss them.
 */
export function canResolveSuggestionThread(
	membership: Membership | undefined,
	owners: readonly number[],
	userId: number,
	threadAuthorId: number,
	suggestionAuthorId: number | null
): boolean {
	return (
		canResolveThread(membership, owners, userId, threadAuthorId) ||
		(suggestionAuthorId !== null && suggestionAuthorId > 0 && suggestionAuthorId === userId)
	);
}

/** Answering (disposing of) a consultation comment on a section. */
export function canAnswerConsultation(
	membership: Membership | undefined,
	owners: readonly number[]
): boolean {
	return answersForSection(membership, owners);
}

/** Confirming an answer given to a consultation comment: only the comment's author. */
export function canConfirmAnswer(userId: number, authorId: number): boolean {
	return userId === authorId;
}

/**
 * Why someone may not comment in a consultation round now (undefined: they may): the invited
 * groups and the round's period decide; `participantType` is undefined for a non-member.
 */
export function roundCommentRefusal(
	participantType: ParticipantType | undefined,
	round: Parameters<typeof commentRefusal>[0],
	now: number
): CommentRefusal | undefined {
	if (!participantType) return 'round-not-invited';
	return commentRefusal(round, participantType, now);
}

/**
 * A round's comment is seen by its author, by those who read the draft, and by those who answer
 * for one of the round's sections (approved public comments are public anyway).
 */
export function seesConsultationThread(
	membership: Membership | undefined,
	answersSomeSection: boolean,
	userId: number,
	authorId: number
): boolean {
	return seesAllConsultationComments(membership) || answersSomeSection || userId === authorId;
}

/** Whether a member sees every comment of a round (not only their own and approved public ones). */
export function seesAllConsultationComments(membership: Membership | undefined): boolean {
	return canReadDraft(membership);
}

/** Switching a running round between 公开 and 不公开 (its opinions public while it runs). */
export function canChangeRoundOpenness(membership: Membership | undefined): boolean {
	return canManagePlan(membership);
}

/** Approving or rejecting comments from the public (公众意见). */
export function canModeratePublic(membership: Membership | undefined): boolean {
	return canManagePlan(membership);
}

/** Reading a section's history (and comparing versions): whoever reads the draft. */
export function canReadHistory(membership: Membership | undefined): boolean {
	return canReadDraft(membership);
}

/** Naming a version of a section: its editors, whatever the activity's state. */
export function canSaveNamedVersion(
	membership: Membership | undefined,
	owners: readonly number[]
): boolean {
	return isSectionEditor(membership, owners);
}

/**
 * Restoring an old state of a section: its editors (else `forbidden`), and only while they may
 * write it (else `history-locked`: the activity is frozen). Null when allowed.
 */
export function restoreRefusal(
	membership: Membership | undefined,
	owners: readonly number[],
	activityState: ActivityState
): 'forbidden' | 'history-locked' | null {
	if (!isSectionEditor(membership, owners)) return 'forbidden';
	if (!canWriteSection(membership, owners, activityState)) return 'history-locked';
	return null;
}

export function canRestoreHistory(
	membership: Membership | undefined,
	owners: readonly number[],
	activityState: ActivityState
): boolean {
	return restoreRefusal(membership, owners, activityState) === null;
}

export type DocxImportMode = 'suggest' | 'direct';

/**
 * Bringing a Word file into a section's live draft (issue 17): while the activity is drafting, any
 * internal editor, reviewer or plan admin who reads the draft may import it as suggestions (修订)
 * for the owners to accept; the owning department's editors may also insert it directly.
 * Leaders sign, participants comment on published versions: neither imports. When the plan turns
 * suggestions from non-owners off (可提修订, `suggestionsOpen`), only the owners import.
 */
export function docxImportModes(
	membership: Membership | undefined,
	owners: readonly number[],
	activityState: ActivityState,
	suggestionsOpen = true
): DocxImportMode[] {
	if (activityState !== 'drafting' && activityState !== 'returned') return [];
	if (!suggestionsOpen && !canWriteSection(membership, owners, activityState)) return [];
	const proposes = membership?.roles.some(
		(r) => r === 'admin' || r === 'editor' || r === 'reviewer'
	);
	if (!proposes) return [];
	return canWriteSection(membership, owners, activityState) ? ['suggest', 'direct'] : ['suggest'];
}

/**
 * Exports: the live draft to those who read it; a published (frozen) version to every member of
 * the plan (the service checks that the version is visible to them).
 */
export function canExport(membership: Membership | undefined, kind: 'draft' | 'version'): boolean {
	return kind === 'draft' ? canReadDraft(membership) : membership !== undefined;
}

/** Workflow transitions: owned by the state machine, asked through here. */
export const canActOnWorkflow: typeof decide = decide;

/** Actions a member could take now, ignoring guards: what the workflow page offers. */
export function workflowActionsFor(
	state: WorkflowState,
	membership: Pick<Membership, 'roles'> | undefined
): WorkflowAction[] {
	return availableActions(state, membership);
}

/** Countersigning in review: a reviewer of a department the sign-off policy lists. */
export function mayCountersign(
	membership: Membership | undefined,
	policyDepartments: readonly number[]
): boolean {
	return (
		!!membership &&
		hasRole(membership, 'reviewer') &&
		policyDepartments.includes(membership.organizationId)
	);
}

/** Who may sign an activity's output (签发): an approver of the plan, whom a policy may name. */
export function canApprove(membership: Membership | undefined): boolean {
	return hasRole(membership, 'approver');
}

/** The approver the sign-off policy names (any approver when it names none). */
export function isPolicyApprover(
	membership: Membership | undefined,
	userId: number,
	policyApproverId: number | null
): boolean {
	return canApprove(membership) && (policyApproverId === null || policyApproverId === userId);
}

/** Editing the sign-off policy: a plan admin, before the activity goes to review. */
export function policyEditRefusal(
	membership: Membership | undefined,
	activityState: ActivityState
): 'role' | 'locked' | null {
	if (!canManagePlan(membership)) return 'role';
	if (
		activityState !== 'drafting' &&
		activityState !== 'consultation' &&
		activityState !== 'returned'
	)
		return 'locked';
	return null;
}

/**
 * 5.1.3 feedback on the previous activity's 定稿: while activity N is under way (not yet approved)
 * and N−1 is approved, N's people check N−1's output — editors of a department assigned to a
 * section of N, reviewers, approvers and plan admins (`ownersOfN`: those departments).
 */
export function canFileFeedback(
	membership: Membership | undefined,
	ownersOfN: readonly number[]
): boolean {
	if (!membership) return false;
	if (membership.roles.some((r) => r === 'reviewer' || r === 'approver' || r === 'admin'))
		return true;
	return hasRole(membership, 'editor') && ownersOfN.includes(membership.organizationId);
}

/** Why no 5.1.3 feedback can be filed now: N is approved, or N−1 has no approved 定稿. */
export function feedbackWindowRefusal(
	nState: ActivityState,
	previousState: ActivityState | null
): 'no-previous' | 'previous-not-final' | 'closed' | null {
	if (previousState === null) return 'no-previous';
	if (previousState !== 'approved') return 'previous-not-final';
	if (nState === 'approved') return 'closed';
	return null;
}

/** Answering 5.1.3 feedback on a section of N−1: those who answer for that section. */
export function canAnswerFeedback(
	membership: Membership | undefined,
	sectionOwners: readonly number[]
): boolean {
	return answersForSection(membership, sectionOwners);
}

/** 多元参与 participants (enterprise and resident representatives): they confirm a version. */
export function isParticipant(membership: Membership | undefined): boolean {
	return hasRole(membership, 'enterprise') || hasRole(membership, 'resident');
}

/**
 * A row of the internal 意见采纳情况说明 as a participant reads it: their own opinion in full;
 * the others only when the round's opinions are published (公开 while it runs, or once it is
 * over — consultation/openness.ts), with names masked as the public 采纳情况 prints them.
 */
export function participantReportRow(
	userId: number,
	authorId: number | undefined,
	published: boolean
): 'own' | 'masked' | 'hidden' {
	if (authorId === userId) return 'own';
	return published ? 'masked' : 'hidden';
}

/** Which public-consultation participant a member signs as (confirm). */
export function participantKind(membership: Membership | undefined): 'enterprise' | 'resident' {
	return hasRole(membership, 'enterprise') ? 'enterprise' : 'resident';
}

/**
 * An image of a plan (issue 16): draft readers see every section, so every image; other members
 * (participants) only those a frozen version of the plan shows, as they read only versions.
 */
export function canReadImage(
	membership: Membership | undefined,
	inFrozenVersion: boolean
): boolean {
	if (!membership) return false;
	return canReadDraft(membership) || inFrozenVersion;
}

/**
 * Waiving the consultation round an activity needs before review (issue 14, 4.2 e): the plan
 * admin only, with a reason (printed in the sign-off record).
 */
export function canWaiveConsultation(membership: Membership | undefined): boolean {
	return canManagePlan(membership);
}

/**
 * Countersigning now: a listed department's reviewer, and — when the step signs in order (依次) —
 * only the department whose turn it is (`next`; undefined when order does not apply).
 */
export function mayCountersignInTurn(
	membership: Membership | undefined,
	policyDepartments: readonly number[],
	next: number | undefined
): boolean {
	return (
		mayCountersign(membership, policyDepartments) &&
		(next === undefined || next === membership?.organizationId)
	);
}

/**
 * Confirming a manual check (issue 18: a clause no rule can decide, confirmed by a named person)
 * or withdrawing a confirmation: reviewers, who judge the plan, and the plan admin.
 */
export function canConfirmManualCheck(membership: Membership | undefined): boolean {
	return hasRole(membership, 'reviewer') || canManagePlan(membership);
}

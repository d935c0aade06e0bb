/**
 * The audit log in words: each action code and each details key as an administrator reads it.
 * Codes this table does not know yet (a new action added elsewhere) fall back to the code itself,
 * so nothing is hidden.
 */
import { eventLabel, milestoneLabel } from '#lib/components/workflow/labels.ts';
import { activityLabel, organizationTypeLabel, roleLabel, stateLabel } from '#lib/i18n-labels.ts';
import { m } from '#lib/paraglide/messages.js';
import { ORGANIZATION_TYPES, PLAN_ROLES } from '#lib/roles.ts';
import { ACTIVITIES } from '#lib/standard/sections.ts';
import { MILESTONES } from '#lib/workflow/machine.ts';

const ACTIONS: Record<string, () => string> = {
	login: m.audit_action_login,
	'login.failed': m.audit_action_login_failed,
	logout: m.audit_action_logout,
	'password.changed': m.audit_action_password_changed,
	'user.email_changed': m.audit_action_user_email_changed,
	'user.created': m.audit_action_user_created,
	'user.disabled': m.audit_action_user_disabled,
	'user.enabled': m.audit_action_user_enabled,
	'organization.created': m.audit_action_organization_created,
	'plan.created': m.audit_action_plan_created,
	'plan.suggestions_changed': m.audit_action_plan_suggestions_changed,
	'member.added': m.audit_action_member_added,
	'member.removed': m.audit_action_member_removed,
	'section.assigned': m.audit_action_section_assigned,
	'section.unassigned': m.audit_action_section_unassigned,
	'invite.created': m.audit_action_invite_created,
	'invite.revoked': m.audit_action_invite_revoked,
	'invite.accepted': m.audit_action_invite_accepted,
	'demo.seeded': m.audit_action_demo_seeded,
	'comment.created': m.audit_action_comment_created,
	'comment.replied': m.audit_action_comment_replied,
	'comment.resolved': m.audit_action_comment_resolved,
	'comment.reopened': m.audit_action_comment_reopened,
	'consultation.opened': m.audit_action_consultation_opened,
	'consultation.closed': m.audit_action_consultation_closed,
	'consultation.commented': m.audit_action_consultation_commented,
	'consultation.answered': m.audit_action_consultation_answered,
	'consultation.suggestion_applied': m.audit_action_consultation_suggestion_applied,
	'consultation.suggestion_decided': m.audit_action_consultation_suggestion_decided,
	'consultation.answer_confirmed': m.audit_action_consultation_answer_confirmed,
	'consultation.public_submitted': m.audit_action_consultation_public_submitted,
	'consultation.public_moderated': m.audit_action_consultation_public_moderated,
	'consultation.openness_changed': m.audit_action_consultation_openness_changed,
	'conformance.manual_confirmed': m.audit_action_conformance_manual_confirmed,
	'conformance.manual_revoked': m.audit_action_conformance_manual_revoked,
	'history.version_saved': m.audit_action_history_version_saved,
	'history.restored': m.audit_action_history_restored,
	'section.docx_imported': m.docxio_audit_imported,
	'integrity.failed': m.audit_action_integrity_failed,
	'document.integrity_failed': m.audit_action_document_integrity_failed,
	'document.update_refused': m.audit_action_document_update_refused
};

/** An action in words; workflow actions read as the timeline names them. */
export function auditActionLabel(action: string): string {
	const own = ACTIONS[action];
	if (own) return own();
	return action.startsWith('workflow.') ? eventLabel(action) : action;
}

const KEYS: Record<string, () => string> = {
	username: m.audit_key_username,
	name: m.audit_key_name,
	type: m.audit_key_type,
	accounts: m.audit_key_accounts,
	sections: m.audit_key_sections,
	label: m.audit_key_label,
	updateId: m.audit_key_update_id,
	restoredUpTo: m.audit_key_restored_up_to,
	before: m.audit_key_before,
	after: m.audit_key_after,
	clause: m.audit_key_clause,
	anchor: m.audit_key_anchor,
	mentions: m.audit_key_mentions,
	comment: m.audit_key_comment,
	publicCommentId: m.audit_key_public_comment_id,
	stance: m.audit_key_stance,
	ipHash: m.audit_key_ip_hash,
	decision: m.audit_key_decision,
	reason: m.audit_key_reason,
	activity: m.audit_key_activity,
	versionId: m.audit_key_version_id,
	groups: m.audit_key_groups,
	opensAt: m.audit_key_opens_at,
	closesAt: m.audit_key_closes_at,
	days: m.audit_key_days,
	shortReason: m.audit_key_short_reason,
	publicLink: m.audit_key_public_link,
	opinionsPublic: m.consult_open_audit_key,
	threadId: m.audit_key_thread_id,
	part: m.audit_key_part,
	start: m.audit_key_start,
	end: m.audit_key_end,
	participantType: m.audit_key_participant_type,
	organizationId: m.audit_key_organization_id,
	disposition: m.audit_key_disposition,
	role: m.audit_key_role,
	checklistMet: m.audit_key_checklist_met,
	from: m.audit_key_from,
	to: m.audit_key_to,
	hash: m.audit_key_hash,
	milestone: m.audit_key_milestone,
	signedVersionId: m.audit_key_signed_version_id,
	supersededVersionId: m.audit_key_superseded_version_id,
	waivedRules: m.audit_key_waived_rules,
	waiver: m.audit_key_waiver,
	text: m.audit_key_text,
	reviewedHash: m.audit_key_reviewed_hash,
	departments: m.audit_key_departments,
	enterpriseCount: m.audit_key_enterprise_count,
	residentCount: m.audit_key_resident_count,
	approverId: m.audit_key_approver_id,
	participant: m.audit_key_participant,
	mode: m.docxio_audit_key_mode,
	blocks: m.docxio_audit_key_blocks,
	suggestions: m.docxio_audit_key_suggestions,
	comments: m.docxio_audit_key_comments,
	feedbackId: m.feedback_audit_key_id,
	row: m.feedback_audit_key_row,
	quote: m.feedback_audit_key_quote,
	resolution: m.feedback_audit_key_resolution
};

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (list as readonly string[]).includes(value);
const STATES = ['drafting', 'consultation', 'review', 'approval', 'approved', 'returned'] as const;

/** Names the entries' ids stand for, looked up by the page (organizations by id). */
export interface AuditNames {
	organizations?: Record<number, string>;
}

function valueText(key: string, value: unknown, names: AuditNames = {}): string {
	if (value === null || value === undefined || value === '') return m.audit_detail_none();
	if (typeof value === 'boolean') return value ? m.audit_detail_yes() : m.audit_detail_no();
	if (Array.isArray(value))
		return value.length === 0
			? m.audit_detail_none()
			: value.map((v) => valueText(key, v, names)).join('、');
	if (typeof value === 'object')
		return Object.entries(value as Record<string, unknown>)
			.map(([k, v]) => `${keyLabel(k)}：${valueText(k, v, names)}`)
			.join('；');
	if (key === 'mode' && (value === 'suggest' || value === 'direct'))
		return value === 'suggest' ? m.docxio_mode_suggest() : m.docxio_mode_direct();
	if (key === 'role' && isOneOf(PLAN_ROLES, value)) return roleLabel(value);
	if (key === 'activity' && isOneOf(ACTIVITIES, value)) return activityLabel(value);
	if ((key === 'from' || key === 'to') && isOneOf(STATES, value)) return stateLabel(value);
	// 5.1.3 feedback: filed from an activity; 采纳 handled by reopening or in the next revision.
	if (key === 'from' && isOneOf(ACTIVITIES, value)) return activityLabel(value);
	if (key === 'resolution' && (value === 'reopened' || value === 'next_revision'))
		return value === 'reopened' ? m.feedback_status_reopened() : m.feedback_status_next_revision();
	if (key === 'milestone' && isOneOf(MILESTONES, value)) return milestoneLabel(value);
	if (key === 'type' && isOneOf(ORGANIZATION_TYPES, value)) return organizationTypeLabel(value);
	const organization = key === 'organizationId' ? names.organizations?.[Number(value)] : undefined;
	if (organization) return `${organization}（${String(value)}）`;
	return String(value);
}

const keyLabel = (key: string): string => KEYS[key]?.() ?? key;

/**
 * An entry's details (canonical JSON as stored and hashed) as label/value pairs. Text that is not a
 * JSON object is shown as it is: the page never hides what the log holds.
 */
export function auditDetails(
	details: string,
	names: AuditNames = {}
): { key: string; label: string; value: string }[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(details);
	} catch {
		return details ? [{ key: '', label: '', value: details }] : [];
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
		return [{ key: '', label: '', value: details }];
	return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => ({
		key,
		label: keyLabel(key),
		value: valueText(key, value, names)
	}));
}

const TARGETS: Record<string, (inputs: { id: string }) => string> = {
	user: m.audit_target_user,
	invite: m.audit_target_invite,
	organization: m.audit_target_organization,
	round: m.audit_target_round,
	section: m.audit_target_section,
	thread: m.audit_target_thread
};

/** The entry's plan and target in words ("规划 1 · 章节 6.1"); unknown shapes stay as stored. */
export function auditTarget(planId: number | null, target: string | null): string {
	const parts: string[] = [];
	if (planId) parts.push(m.audit_target_plan({ id: String(planId) }));
	if (target) {
		const [kind, ...rest] = target.split(':');
		const id = rest.join(':');
		const label = rest.length > 0 ? TARGETS[kind] : undefined;
		if (label) parts.push(label({ id }));
		else if (kind === 'activity' && isOneOf(ACTIVITIES, id)) parts.push(activityLabel(id));
		else if (rest.length === 0) parts.push(m.audit_target_account({ id: target }));
		else parts.push(target);
	}
	return parts.join(' · ');
}

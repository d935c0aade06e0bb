/** Stable error codes from the server → the user's language. */
import { m } from '#lib/paraglide/messages.js';
import { periodYears } from './plan-period.ts';

export function errorMessage(code: string, details: Record<string, string | number> = {}): string {
	const years = () => String(periodYears(Number(details.start), Number(details.end)));
	if (code.startsWith('feedback-')) return feedbackError(code);
	switch (code) {
		case 'period-not-integer':
			return m.period_error_not_integer();
		case 'period-end-before-start':
			return m.period_error_end_before_start();
		case 'period-too-short':
			return m.period_error_too_short({ years: years() });
		case 'period-too-long':
			return m.period_error_too_long({ years: years() });
		case 'manual-check-unknown':
			return m.manual_error_unknown();
		case 'manual-check-not-confirmed':
			return m.manual_error_not_confirmed();
		case 'horizon-invalid':
			return m.substance_error_horizon();
		case 'username-taken':
			return m.error_username_taken({ username: String(details.username ?? '') });
		case 'organization-exists':
			return m.error_organization_exists({ name: String(details.name ?? '') });
		case 'last-admin':
			return m.error_last_admin();
		case 'role-not-fit':
			return m.error_role_not_fit();
		case 'not-government':
			return m.error_not_government();
		case 'password-short':
			return m.account_error_short({ min: '8' });
		case 'password-mismatch':
			return m.account_error_mismatch();
		case 'password-current':
			return m.account_error_current();
		case 'password-current-throttled':
			return m.account_error_throttled({ minutes: String(details.minutes ?? 1) });
		case 'invite-not-found':
			return m.invite_error_not_found();
		case 'invite-used':
			return m.invite_error_used();
		case 'invite-expired':
			return m.invite_error_expired();
		case 'invite-revoked':
			return m.invite_error_revoked();
		case 'self':
			return m.admin_user_self();
		case 'username-format':
			return m.error_username_format();
		case 'workflow-state':
			return m.error_wf_state();
		case 'workflow-role':
			return m.error_wf_role();
		case 'workflow-checklist':
			return m.error_wf_checklist();
		case 'workflow-previous':
			return m.error_wf_previous();
		case 'workflow-not-signer':
			return m.error_wf_not_signer();
		case 'already-signed':
			return m.error_wf_already_signed();
		case 'password-wrong':
			return m.error_wf_password();
		case 'password-throttled':
			return m.error_wf_password_throttled({ minutes: String(details.minutes ?? 1) });
		case 'password-required':
			return m.error_wf_password_required();
		case 'opinion-required':
			return m.error_wf_opinion_required();
		case 'reason-required':
			return m.error_wf_reason_required();
		case 'policy-locked':
			return m.error_wf_policy_locked();
		case 'departments-required':
			return m.error_wf_departments_required();
		case 'hash-mismatch':
			return m.error_wf_hash_mismatch();
		case 'integrity-failed':
			return m.error_integrity_failed({
				recorded: String(details.recorded ?? ''),
				computed: String(details.computed ?? '')
			});
		case 'record-locked':
			return m.error_record_locked();
		case 'not-found':
			return m.error_wf_not_found();
		case 'comment-empty':
			return m.error_comment_empty();
		case 'comment-too-long':
			return m.error_comment_too_long({ max: String(details.max ?? 4000) });
		case 'comment-rate-limited':
			return m.error_comment_rate_limited();
		case 'comment-forbidden':
			return m.error_comment_forbidden();
		case 'comment-resolve-forbidden':
			return m.error_comment_resolve_forbidden();
		case 'comment-not-found':
			return m.error_comment_not_found();
		case 'round-groups-required':
			return m.error_round_groups_required();
		case 'round-days-invalid':
			return m.error_round_days_invalid();
		case 'round-start-invalid':
			return m.error_round_start_invalid();
		case 'round-reason-required':
			return m.error_round_reason_required();
		case 'email-invalid':
			return m.account_email_invalid();
		case 'objection-required':
			return m.error_objection_required();
		case 'objections-open':
			return m.error_objections_open({
				count: String(details.count ?? 0),
				list: String(details.list ?? '')
			});
		case 'signoff-incomplete':
			return m.error_signoff_incomplete();
		case 'objection-closed':
			return m.error_objection_closed();
		case 'objection-answered':
			return m.error_objection_answered();
		case 'answer-required':
			return m.error_answer_required();
		case 'out-of-turn':
			return m.error_wf_out_of_turn();
		case 'threshold-invalid':
			return m.error_wf_threshold_invalid();
		case 'consultation-required':
			return m.error_wf_consultation_required();
		case 'consultation-unanswered':
			return m.error_wf_consultation_unanswered({ count: String(details.count ?? '') });
		case 'round-close-reason-required':
			return m.error_round_close_reason_required();
		case 'round-not-open':
			return m.error_round_not_open();
		case 'round-ended':
			return m.error_round_ended();
		case 'round-closed':
			return m.error_round_closed();
		case 'round-not-invited':
			return m.error_round_not_invited();
		case 'suggestion-forbidden':
			return m.error_suggestion_forbidden();
		case 'suggestion-already-applied':
			return m.error_suggestion_already_applied();
		case 'suggestion-passage-gone':
			return m.error_suggestion_passage_gone();
		case 'answer-forbidden':
			return m.error_answer_forbidden();
		case 'openness-forbidden':
			return m.consult_open_error_forbidden();
		case 'pow-failed':
			return m.consult_error_pow_failed();
		case 'bulk-empty':
			return m.consult_error_bulk_empty();
		case 'bulk-too-many':
			return m.consult_error_bulk_too_many({ max: String(details.max ?? 2000) });
		case 'confirm-forbidden':
			return m.error_confirm_forbidden();
		case 'answer-missing':
			return m.error_answer_missing();
		case 'moderate-forbidden':
			return m.error_moderate_forbidden();
		case 'public-rate-limited':
			return m.error_public_rate_limited({ minutes: String(details.minutes ?? 10) });
		case 'public-name-required':
			return m.error_public_name_required();
		case 'comment-anchor-invalid':
			return m.error_comment_anchor_invalid();
		case 'history-forbidden':
			return m.error_history_forbidden();
		case 'history-locked':
			return m.error_history_locked();
		case 'text-control':
			return m.nul_text_control();
		default:
			return m.error_invalid_input();
	}
}

/** 5.1.3 feedback's refusals (src/lib/server/feedback/). */
function feedbackError(code: string): string {
	const messages: Record<string, () => string> = {
		'feedback-no-previous': m.feedback_error_no_previous,
		'feedback-no-final': m.feedback_error_no_final,
		'feedback-closed': m.feedback_error_closed,
		'feedback-role': m.feedback_error_role,
		'feedback-section': m.feedback_error_section,
		'feedback-row': m.feedback_error_row,
		'feedback-quote': m.feedback_error_quote,
		'feedback-quote-long': m.feedback_error_quote,
		'feedback-text': m.feedback_error_text,
		'feedback-text-long': m.feedback_error_text,
		'feedback-answered': m.feedback_error_answered,
		'feedback-answer-long': m.feedback_error_answer_long,
		'feedback-reason-required': m.feedback_error_reason_required,
		'feedback-resolution': m.feedback_error_resolution,
		'feedback-disposition': m.feedback_error_resolution,
		'feedback-reopen': m.feedback_error_reopen,
		'feedback-legacy': m.feedback_error_legacy
	};
	return (messages[code] ?? m.feedback_error_role)();
}

/**
 * Consultation before review (issue 14, 4.2 e 多元参与): an activity goes to 送审 only after a
 * consultation round (unless the plan admin waived it in the policy, with a reason), and never
 * while an opinion of its rounds lacks a disposition (采纳 / 部分采纳 / 不采纳). Rounds are read
 * through the consultation module's own functions.
 */
import type { Activity } from '../../standard/sections.ts';
import { listRounds } from '../consultation/rounds.ts';
import { roundPublicComments, roundThreads } from '../consultation/threads.ts';
import { DomainError } from '../errors.ts';

export interface ConsultationGate {
	/** Rounds of the activity so far. */
	rounds: number;
	/** No round yet and none waived: 送审 is refused. */
	roundRequired: boolean;
	/** Opinions (members' and public ones not hidden) still without a disposition. */
	unanswered: number;
	/** The admin's reason for going to review without a round (null: a round is required). */
	waiver: string | null;
}

export function consultationGate(
	planId: number,
	activity: Activity,
	waiver: string | null
): ConsultationGate {
	const rounds = listRounds(planId).filter((r) => r.activity === activity);
	let unanswered = 0;
	for (const round of rounds) {
		unanswered += roundThreads(round.id).filter((t) => t.disposition === null).length;
		// Held public opinions count too: they are moderated, then answered (or hidden with a reason).
		unanswered += roundPublicComments(round.id).filter(
			(c) => c.status !== 'hidden' && c.disposition === null
		).length;
	}
	return {
		rounds: rounds.length,
		roundRequired: rounds.length === 0 && !waiver,
		unanswered,
		waiver: rounds.length === 0 ? waiver : null
	};
}

/** Refuses 送审 (409) without a round or with an opinion unanswered. */
export function requireConsultationDone(gate: ConsultationGate): void {
	if (gate.roundRequired) throw new DomainError('consultation-required', {}, 409);
	if (gate.unanswered > 0)
		throw new DomainError('consultation-unanswered', { count: gate.unanswered }, 409);
}

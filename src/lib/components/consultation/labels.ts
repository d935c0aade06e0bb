/** UI labels of consultation values (stances, dispositions, participant types, phases). */
import type { ParticipantType, RoundPhase } from '#lib/consultation/period.ts';
import type { DispositionColumn, Stance } from '#lib/consultation/report.ts';
import { organizationTypeLabel } from '#lib/i18n-labels.ts';
import { m } from '#lib/paraglide/messages.js';

export const stanceLabel = (stance: Stance): string =>
	({ support: m.stance_support, oppose: m.stance_oppose, suggest: m.stance_suggest })[stance]();

export const dispositionLabel = (d: DispositionColumn): string =>
	({
		adopted: m.disposition_adopted,
		partial: m.disposition_partial,
		rejected: m.disposition_rejected,
		pending: m.disposition_pending
	})[d]();

export const participantLabel = (t: ParticipantType): string =>
	t === 'public' ? m.round_participant_public() : organizationTypeLabel(t);

export const phaseLabel = (p: RoundPhase): string =>
	({
		scheduled: m.round_phase_scheduled,
		open: m.round_phase_open,
		ended: m.round_phase_ended,
		closed: m.round_phase_closed
	})[p]();

export const phaseTone: Record<RoundPhase, string> = {
	scheduled: 'bg-slate-100 text-slate-700',
	open: 'bg-green-100 text-green-800',
	ended: 'bg-amber-100 text-amber-800',
	closed: 'bg-slate-200 text-slate-700'
};

export const stanceTone: Record<Stance, string> = {
	support: 'bg-green-50 text-green-800',
	oppose: 'bg-red-50 text-red-800',
	suggest: 'bg-blue-50 text-blue-800'
};

export const dispositionTone: Record<DispositionColumn, string> = {
	adopted: 'bg-green-100 text-green-800',
	partial: 'bg-amber-100 text-amber-800',
	rejected: 'bg-slate-200 text-slate-700',
	pending: 'bg-slate-100 text-slate-500'
};

/** 「邀请：企业、居民、公众」: the round's invited groups, and the public when it has a link. */
export const invitedLabel = (round: {
	groups: readonly ParticipantType[];
	hasPublicLink: boolean;
}): string =>
	m.round_invited({
		groups: [
			...round.groups.map((g) => participantLabel(g)),
			...(round.hasPublicLink ? [participantLabel('public')] : [])
		].join('、')
	});

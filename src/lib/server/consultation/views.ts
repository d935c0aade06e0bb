/** What the round pages (members' and the public link's) show, as plain serializable data. */
import { chinaDay, lastDay, roundPhase } from '../../consultation/period.ts';
import { frozenParts } from '../../consultation/passages.ts';
import { ACTIVITY_CHAPTER } from '../../standard/sections.ts';
import { getVersion } from '../workflow/versions.ts';
import { periodFacts, roundPayload, roundTimes, type ConsultationRound } from './rounds.ts';

export function roundSummary(round: ConsultationRound, now = Date.now()) {
	const times = roundTimes(round);
	const version = getVersion(round.versionId);
	return {
		id: round.id,
		activity: round.activity,
		chapter: ACTIVITY_CHAPTER[round.activity],
		versionId: round.versionId,
		versionSeq: version?.seq ?? 0,
		hash: version?.hash ?? '',
		groups: times.groups,
		firstDay: chinaDay(times.opensAt),
		lastDay: lastDay(times),
		days: round.days,
		shortReason: round.shortReason,
		/** Planned and actual period (RoundPeriod.svelte). */
		period: periodFacts(round),
		phase: roundPhase(times, now),
		hasPublicLink: round.publicToken !== null
	};
}

export function roundSections(round: ConsultationRound) {
	return roundPayload(round).sections.map((s) => ({
		clause: s.clause,
		title: s.title,
		parts: frozenParts(s.rendering)
	}));
}

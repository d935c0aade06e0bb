/** What the round pages (members' and the public link's) show, as plain serializable data. */
import { chinaDay, lastDay, roundPhase } from '../../consultation/period.ts';
import { frozenParts } from '../../consultation/passages.ts';
import { ACTIVITY_CHAPTER } from '../../standard/sections.ts';
import type { PublicComment } from '../db/schema.ts';
import { loadVerifiedVersion } from '../workflow/integrity.ts';
import { getVersion } from '../workflow/versions.ts';
import { sectionHeadings } from './headings.ts';
import { periodFacts, roundTimes, type ConsultationRound } from './round-data.ts';

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
		hasPublicLink: round.publicToken !== null,
		/** 公开 / 不公开 (openness.ts): the setting, whatever the phase. */
		opinionsPublic: round.opinionsPublic
	};
}

/**
 * The frozen version's sections as passages, verified: when its content fails the check the page
 * shows the 完整性校验失败 banner (`integrity`) and no passages, never the altered text as published.
 */
export function roundSections(round: ConsultationRound) {
	const verified = loadVerifiedVersion(round.versionId);
	if (!verified?.ok)
		return {
			sections: [],
			integrity: verified
				? [
						{
							...verified.failure,
							milestone: verified.version.milestone,
							seq: verified.version.seq
						}
					]
				: []
		};
	// Verified on every read (above); what is derived from the verified payload is kept by its hash,
	// since every reader of a public round page would otherwise decode the same Yjs states again.
	const hash = verified.version.hash;
	let sections = derivedSections.get(hash);
	if (!sections) {
		sections = verified.payload.sections.map((s) => ({
			clause: s.clause,
			title: s.title,
			parts: frozenParts(s.rendering, sectionHeadings(s.yjs, Object.keys(s.rendering.items)))
		}));
		if (derivedSections.size > 20) derivedSections.clear();
		derivedSections.set(hash, sections);
	}
	return { sections, integrity: [] };
}

type RoundSection = {
	clause: string;
	title: string;
	parts: ReturnType<typeof frozenParts>;
};
const derivedSections = new Map<string, RoundSection[]>();

/** A comment through the public link as both round pages show it (members' adds moderation). */
export function publicCommentCard(c: PublicComment) {
	return {
		key: `p${c.id}`,
		kind: 'public' as const,
		id: c.id,
		clause: c.clause,
		quote: c.quote,
		body: c.body,
		stance: c.stance,
		who: c.name,
		disposition: c.disposition,
		reason: c.dispositionReason
	};
}

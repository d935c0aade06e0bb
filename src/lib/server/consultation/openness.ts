/**
 * 公开 / 不公开 (issue 15): a round's setting decides whether its opinions are public while it runs.
 * 公开: the public round page, the 采纳情况 page and its CSV/JSON show them from the first day
 * (people masked, enterprises and departments named), and participants read each other's the same
 * way; 不公开: nobody outside the answering departments sees another's opinion until the round is
 * over, when everything is published. Chosen when the round is created; the plan admin may change
 * it while the round runs (audited). Every read path asks `opinionsPublicNow`.
 */
import { eq } from 'drizzle-orm';
import { publishedName } from '../../consultation/adoption.ts';
import { roundPhase, type ParticipantType } from '../../consultation/period.ts';
import type { Disposition, Stance } from '../../consultation/report.ts';
import { canChangeRoundOpenness } from '../../policy/index.ts';
import { getMembership } from '../access.ts';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { roundOver } from './adoption.ts';
import type { Actor } from '../actor.ts';
import { getRound, roundTimes, type ConsultationRound } from './round-data.ts';
import { roundStamp } from './round-stamp.ts';
import { roundPublicComments, roundThreads } from './threads.ts';

/** Whether the round's opinions are public now: 公开, or the round is over. */
export function opinionsPublicNow(round: ConsultationRound, now = Date.now()): boolean {
	return round.opinionsPublic || roundOver(round, now);
}

/** The plan admin switches a running round between 公开 and 不公开. */
export function setOpinionsPublic(
	actor: Actor,
	planId: number,
	roundId: number,
	opinionsPublic: boolean
): void {
	const round = getRound(roundId);
	if (!round || round.planId !== planId) throw new DomainError('not-found', {}, 404);
	if (!canChangeRoundOpenness(getMembership(planId, actor.user.id)))
		throw new DomainError('openness-forbidden', {}, 403);
	// Once over, everything is published whatever the setting: there is nothing left to decide.
	const phase = roundPhase(roundTimes(round), Date.now());
	if (phase === 'closed' || phase === 'ended') throw new DomainError(`round-${phase}`, {}, 409);
	if (round.opinionsPublic === opinionsPublic) return;
	const r = schema.consultationRounds;
	getDb().update(r).set({ opinionsPublic }).where(eq(r.id, round.id)).run();
	appendAudit({
		action: 'consultation.openness_changed',
		actorId: actor.user.id,
		planId,
		target: `round:${round.id}`,
		ip: actor.ip ?? null,
		details: { from: round.opinionsPublic, to: opinionsPublic }
	});
}

/** An opinion as the public sees it on a round page: who masked, no contact, no organization ids. */
export interface PublishedOpinion {
	key: string;
	kind: 'thread' | 'public';
	id: number;
	clause: string;
	quote: string;
	body: string;
	stance: Stance;
	who: string;
	participantType: ParticipantType;
	disposition: Disposition | null;
	reason: string | null;
	createdAt: number;
}

/**
 * Every opinion of the round as published (members' and approved public-link ones), in the order
 * received; empty while the round is 不公开 and running. `except` leaves out one author's threads
 * (a participant's own, shown to them unmasked elsewhere).
 */
export function publishedOpinions(
	round: ConsultationRound,
	options: { except?: number; now?: number } = {}
): PublishedOpinion[] {
	if (!opinionsPublicNow(round, options.now)) return [];
	const threads = roundThreads(round.id)
		.filter((t) => t.authorId !== options.except)
		.map((t): PublishedOpinion => ({
			key: `t${t.id}`,
			kind: 'thread',
			id: t.id,
			clause: t.clause,
			quote: t.quote,
			body: t.body,
			stance: t.stance ?? 'suggest',
			who: publishedName({
				participantType: t.participantType ?? 'government',
				organization: t.organization,
				person: t.authorName
			}),
			participantType: t.participantType ?? 'government',
			disposition: t.disposition,
			reason: t.reason,
			createdAt: t.createdAt.getTime()
		}));
	const fromPublic = roundPublicComments(round.id)
		.filter((c) => c.status === 'approved')
		.map((c): PublishedOpinion => ({
			key: `p${c.id}`,
			kind: 'public',
			id: c.id,
			clause: c.clause,
			quote: c.quote,
			body: c.body,
			stance: c.stance,
			who: publishedName({ participantType: 'public', organization: null, person: c.name }),
			participantType: 'public',
			disposition: c.disposition,
			reason: c.dispositionReason,
			createdAt: c.createdAt.getTime()
		}));
	return [...threads, ...fromPublic].sort((a, b) => a.createdAt - b.createdAt);
}

/** Opinions a public round page shows under each section: the newest few and how many in all. */
export const PUBLIC_PAGE_PER_SECTION = 5;

/** What the public round page showed, by round, with the stamp it was computed at. */
const publicViews = new Map<
	number,
	{ stamp: string; opinions: { clause: string; total: number; latest: PublishedOpinion[] }[] }
>();

export function publicRoundOpinions(round: ConsultationRound) {
	const opinionsPublic = opinionsPublicNow(round);
	if (!opinionsPublic) return { opinionsPublic, opinions: [] };
	// Anyone may load this page: computed once per change of the round's opinions, not per reader.
	const stamp = roundStamp(round.id);
	const cached = publicViews.get(round.id);
	if (cached?.stamp === stamp) return { opinionsPublic, opinions: cached.opinions };
	const bySection = new Map<string, { total: number; latest: PublishedOpinion[] }>();
	for (const opinion of publishedOpinions(round).toReversed()) {
		const entry = bySection.get(opinion.clause) ?? { total: 0, latest: [] };
		entry.total += 1;
		if (entry.latest.length < PUBLIC_PAGE_PER_SECTION) entry.latest.push(opinion);
		bySection.set(opinion.clause, entry);
	}
	const opinions = [...bySection.entries()].map(([clause, entry]) => ({ clause, ...entry }));
	if (publicViews.size > 50 && !publicViews.has(round.id)) publicViews.clear();
	publicViews.set(round.id, { stamp, opinions });
	return { opinionsPublic, opinions };
}

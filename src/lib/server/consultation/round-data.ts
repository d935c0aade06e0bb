/**
 * Reading a consultation round: its record, its link, its times and groups, the plan's rounds with
 * their phase now, and its frozen version (verified). No rule is decided here; rounds.ts opens and
 * closes rounds, comments.ts and answers.ts decide who may comment and answer.
 */
import { desc, eq } from 'drizzle-orm';
import { roundPhase, type ParticipantGroup, type PeriodFacts } from '../../consultation/period.ts';
import type { VersionPayload } from '../../workflow/version.ts';
import { getDb, schema } from '../db/index.ts';
import { requireVerifiedPayload } from '../workflow/integrity.ts';

export type ConsultationRound = typeof schema.consultationRounds.$inferSelect;

export function roundLink(planId: number, roundId: number): string {
	return `/plans/${planId}/rounds/${roundId}`;
}

export function groupsOf(round: Pick<ConsultationRound, 'groups'>): ParticipantGroup[] {
	return JSON.parse(round.groups) as ParticipantGroup[];
}

export function roundTimes(round: ConsultationRound) {
	return {
		opensAt: round.opensAt.getTime(),
		closesAt: round.closesAt.getTime(),
		closedAt: round.closedAt?.getTime() ?? null,
		groups: groupsOf(round)
	};
}

export function getRound(roundId: number): ConsultationRound | undefined {
	return getDb()
		.select()
		.from(schema.consultationRounds)
		.where(eq(schema.consultationRounds.id, roundId))
		.get();
}

export function roundByToken(token: string): ConsultationRound | undefined {
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
	return getDb()
		.select()
		.from(schema.consultationRounds)
		.where(eq(schema.consultationRounds.publicToken, token))
		.get();
}

/** The rounds of a plan, newest first, with their phase now. */
export function listRounds(planId: number, now = Date.now()) {
	const r = schema.consultationRounds;
	return getDb()
		.select({
			round: r,
			seq: schema.activityVersions.seq,
			hash: schema.activityVersions.hash
		})
		.from(r)
		.innerJoin(schema.activityVersions, eq(r.versionId, schema.activityVersions.id))
		.where(eq(r.planId, planId))
		.orderBy(desc(r.id))
		.all()
		.map(({ round, seq, hash }) => ({
			...roundFactsOf(round, { seq, hash }),
			activity: round.activity,
			phase: roundPhase(roundTimes(round), now)
		}));
}

/** A round's own facts as lists, reports and frozen records show them (version, groups, period). */
export function roundFactsOf(
	round: ConsultationRound,
	version: { seq: number; hash: string } | undefined
) {
	return {
		id: round.id,
		versionId: round.versionId,
		versionSeq: version?.seq ?? 0,
		hash: version?.hash ?? '',
		groups: groupsOf(round),
		opensAt: round.opensAt.getTime(),
		closesAt: round.closesAt.getTime(),
		closedAt: round.closedAt?.getTime() ?? null,
		closeReason: round.closeReason,
		days: round.days,
		shortReason: round.shortReason,
		hasPublicLink: round.publicToken !== null
	};
}

/** What the period's wording needs (periodText). */
export function periodFacts(round: ConsultationRound): PeriodFacts {
	return {
		opensAt: round.opensAt.getTime(),
		closesAt: round.closesAt.getTime(),
		days: round.days,
		closedAt: round.closedAt?.getTime() ?? null,
		closeReason: round.closeReason
	};
}

/** The round's frozen version, verified (409 `integrity-failed` when its content was altered). */
export function roundPayload(round: ConsultationRound): VersionPayload {
	return requireVerifiedPayload(round.versionId);
}

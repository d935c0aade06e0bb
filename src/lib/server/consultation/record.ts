/**
 * The consultation record of an activity: built from the live tables when a version is frozen,
 * read back from a frozen payload for exports, and locked while the activity's content is (review,
 * approval, approved) so the record under a signed hash never drifts from the live one.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { ConsultationRecord, FrozenRound } from '../../consultation/record.ts';
import { aggregateReport } from '../../consultation/report.ts';
import { consultationRecordFrozen } from '../../policy/index.ts';
import { SECTIONS, type Activity } from '../../standard/sections.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { getVersion } from '../workflow/versions.ts';
import type { RoundReport } from './report.ts';
import { groupsOf, roundPublicComments, roundThreads } from './rounds.ts';

/** Every round of the activity, oldest first, with every comment and its answer as they are now. */
export function consultationRecord(planId: number, activity: Activity): ConsultationRecord {
	const r = schema.consultationRounds;
	const rounds = getDb()
		.select()
		.from(r)
		.where(and(eq(r.planId, planId), eq(r.activity, activity)))
		.orderBy(asc(r.id))
		.all();
	return {
		rounds: rounds.map((round): FrozenRound => {
			const version = getVersion(round.versionId);
			const members = roundThreads(round.id).map((t) => ({
				key: `t${t.id}`,
				clause: t.clause,
				quote: t.quote,
				body: t.body,
				who: t.organization ?? t.authorName,
				participantType: t.participantType ?? ('government' as const),
				stance: t.stance ?? ('suggest' as const),
				disposition: t.disposition,
				reason: t.reason,
				createdAt: t.createdAt.getTime(),
				answeredAt: t.answeredAt?.getTime() ?? null,
				confirmedAt: t.answerSeenAt?.getTime() ?? null
			}));
			const publicRows = roundPublicComments(round.id)
				.filter((c) => c.status === 'approved')
				.map((c) => ({
					key: `p${c.id}`,
					clause: c.clause,
					quote: c.quote,
					body: c.body,
					who: c.name,
					participantType: 'public' as const,
					stance: c.stance,
					disposition: c.disposition,
					reason: c.dispositionReason,
					createdAt: c.createdAt.getTime(),
					answeredAt: c.dispositionAt?.getTime() ?? null,
					confirmedAt: null
				}));
			return {
				id: round.id,
				versionId: round.versionId,
				versionSeq: version?.seq ?? 0,
				hash: version?.hash ?? '',
				groups: groupsOf(round),
				opensAt: round.opensAt.getTime(),
				closesAt: round.closesAt.getTime(),
				closedAt: round.closedAt?.getTime() ?? null,
				days: round.days,
				shortReason: round.shortReason,
				closeReason: round.closeReason,
				hasPublicLink: round.publicToken !== null,
				rows: [...members, ...publicRows]
			};
		})
	};
}

/** The reports of a frozen record, in the shape the live `loadRoundReport` gives. */
export function reportsOfRecord(
	record: ConsultationRecord,
	plan: { id: number; name: string },
	activity: Activity
): RoundReport[] {
	const sections = SECTIONS.filter((s) => s.activity === activity);
	return record.rounds.map(({ rows, ...round }) => ({
		round: {
			...round,
			closeReason: round.closeReason ?? null,
			planId: plan.id,
			planName: plan.name,
			activity
		},
		...aggregateReport(rows, sections)
	}));
}

/**
 * Refuses a change to an activity's consultation record (an answer, a confirmation, a comment, a
 * moderation) while the activity is locked: from 提交会签 the record is part of what is signed,
 * and after 签发 it is part of the 定稿. Reopening (or a return) unlocks it, as for the sections.
 */
export function assertRecordOpen(planId: number, activity: Activity): void {
	const row = getDb()
		.select({ state: schema.planActivities.state })
		.from(schema.planActivities)
		.where(
			and(eq(schema.planActivities.planId, planId), eq(schema.planActivities.activity, activity))
		)
		.get();
	if (row && consultationRecordFrozen(row.state)) throw new DomainError('record-locked', {}, 409);
}

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
import { reportRows, roundFacts, type RoundReport } from './report.ts';

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
		rounds: rounds.map((round): FrozenRound => ({
			...roundFacts(round),
			rows: reportRows(round.id)
		}))
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

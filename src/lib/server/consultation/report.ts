/**
 * The 意见采纳情况说明 of a round as data: every member comment and every approved public comment
 * with its answer, grouped per section and counted per participant type and disposition. The plan
 * export's appendix uses `loadRoundReport` too.
 */
import { eq } from 'drizzle-orm';
import type { FrozenReportRow } from '../../consultation/record.ts';
import { aggregateReport, type ReportAggregate } from '../../consultation/report.ts';
import { SECTIONS, type Activity } from '../../standard/sections.ts';
import { getDb, schema } from '../db/index.ts';
import { getVersion } from '../workflow/versions.ts';
import { getRound, roundFactsOf } from './round-data.ts';
import { roundPublicComments, roundThreads } from './threads.ts';

export { listRounds } from './round-data.ts';

export interface RoundReport extends ReportAggregate {
	round: ReturnType<typeof roundFactsOf> & {
		planId: number;
		planName: string;
		activity: Activity;
	};
}

/**
 * Every member comment and every approved public comment of a round with its answer, and when it
 * was answered and confirmed: the rows of the report and of the consultation record frozen into a
 * version (record.ts) alike.
 */
export function reportRows(roundId: number): FrozenReportRow[] {
	const members: FrozenReportRow[] = roundThreads(roundId).map((t) => ({
		key: `t${t.id}`,
		clause: t.clause,
		quote: t.quote,
		body: t.body,
		who: t.organization ?? t.authorName,
		participantType: t.participantType ?? 'government',
		stance: t.stance ?? 'suggest',
		disposition: t.disposition,
		reason: t.reason,
		createdAt: t.createdAt.getTime(),
		answeredAt: t.answeredAt?.getTime() ?? null,
		confirmedAt: t.answerSeenAt?.getTime() ?? null
	}));
	const publicRows: FrozenReportRow[] = roundPublicComments(roundId)
		.filter((c) => c.status === 'approved')
		.map((c) => ({
			key: `p${c.id}`,
			clause: c.clause,
			quote: c.quote,
			body: c.body,
			who: c.name,
			participantType: 'public',
			stance: c.stance,
			disposition: c.disposition,
			reason: c.dispositionReason,
			createdAt: c.createdAt.getTime(),
			answeredAt: c.dispositionAt?.getTime() ?? null,
			confirmedAt: null
		}));
	return [...members, ...publicRows];
}

type RoundRow = NonNullable<ReturnType<typeof getRound>>;

/** A round's own facts as reports and frozen records show them (its version, groups, period). */
export function roundFacts(round: RoundRow) {
	return roundFactsOf(round, getVersion(round.versionId));
}

/** The report of a round, or undefined when there is no such round. */
export function loadRoundReport(roundId: number): RoundReport | undefined {
	const round = getRound(roundId);
	if (!round) return undefined;
	const plan = getDb()
		.select({ name: schema.plans.name })
		.from(schema.plans)
		.where(eq(schema.plans.id, round.planId))
		.get();
	const sections = SECTIONS.filter((s) => s.activity === round.activity);
	return {
		round: {
			...roundFacts(round),
			planId: round.planId,
			planName: plan?.name ?? '',
			activity: round.activity
		},
		...aggregateReport(reportRows(roundId), sections)
	};
}

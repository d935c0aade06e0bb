/**
 * The internal 意见采纳情况说明 follows the round page's visibility (issue 15): those who read the
 * draft or answer for one of the round's sections see every opinion with its organization; a
 * participant sees their own opinions, and — while the round is 公开, and once it is over —
 * everyone else's as the public 采纳情况 shows them (people masked, enterprises and departments
 * named; openness.ts). Counts stay whole: they are the aggregate the public page prints too.
 */
import { publishedName } from '../../consultation/adoption.ts';
import { participantReportRow, seesAllConsultationComments } from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import { SECTIONS } from '../../standard/sections.ts';
import { mayAnswer } from './answers.ts';
import type { RoundReport } from './report.ts';
import { roundThreads } from './threads.ts';

export function seesWholeReport(
	membership: Membership | undefined,
	report: { round: Pick<RoundReport['round'], 'planId' | 'activity'> }
): boolean {
	if (seesAllConsultationComments(membership)) return true;
	return SECTIONS.filter((s) => s.activity === report.round.activity).some((s) =>
		mayAnswer(membership, report.round.planId, s.clause)
	);
}

/** The report as one participant may read it. */
export function participantReport(
	report: RoundReport,
	userId: number,
	published: boolean
): RoundReport {
	const authors = new Map(
		roundThreads(report.round.id).map((t) => [
			`t${t.id}`,
			{ authorId: t.authorId, person: t.authorName, organization: t.organization }
		])
	);
	const sections = report.sections
		.map((section) => ({
			...section,
			rows: section.rows.flatMap((row) => {
				const author = authors.get(row.key);
				const seen = participantReportRow(userId, author?.authorId, published);
				if (seen === 'own') return [row];
				if (seen === 'hidden') return [];
				const who = publishedName({
					participantType: row.participantType,
					organization: author?.organization ?? null,
					person: author?.person ?? row.who
				});
				return [{ ...row, who }];
			})
		}))
		.filter((section) => section.rows.length > 0);
	return { ...report, sections };
}

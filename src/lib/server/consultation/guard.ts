/**
 * The round report of a route, for any member of its plan (404 otherwise), as that member may read
 * it (report-visibility.ts).
 */
import { error } from '@sveltejs/kit';
import { requirePlanMember } from '../guards.ts';
import { opinionsPublicNow } from './openness.ts';
import { loadRoundReport } from './report.ts';
import { participantReport, seesWholeReport } from './report-visibility.ts';
import { getRound } from './round-data.ts';

type Event = Parameters<typeof requirePlanMember>[0] & { params: { roundId?: string } };

export function requireRoundReport(event: Event) {
	const { plan, membership, user } = requirePlanMember(event);
	const id = Number(event.params.roundId);
	const report = Number.isSafeInteger(id) && id > 0 ? loadRoundReport(id) : undefined;
	if (!report || report.round.planId !== plan.id) error(404, { message: 'not found' });
	if (seesWholeReport(membership, report)) return report;
	// 公开 rounds, and every round once over: others' opinions as the public sees them.
	const round = getRound(id);
	return participantReport(report, user.id, round ? opinionsPublicNow(round) : false);
}

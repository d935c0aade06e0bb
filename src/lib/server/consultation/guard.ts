/**
 * The round report of a route, for any member of its plan (404 otherwise), as that member may read
 * it (report-visibility.ts).
 */
import { error } from '@sveltejs/kit';
import { requirePlanMember } from '../guards.ts';
import { opinionsPublicNow } from './openness.ts';
import { loadRoundReport, type RoundReport } from './report.ts';
import { participantReport, seesWholeReport } from './report-visibility.ts';
import { getRound, type ConsultationRound } from './round-data.ts';

type Event = Parameters<typeof requirePlanMember>[0] & { params: { roundId?: string } };

/**
 * Who may read which report of the route's round, decided before its rows are read: `whole` for
 * those who see every opinion (the same report for all of them, so it may be cached per round),
 * otherwise the participant's own view. `load` reads the rows.
 */
export function requireRoundReportAccess(event: Event): {
	round: ConsultationRound;
	whole: boolean;
	load: () => RoundReport;
} {
	const { plan, membership, user } = requirePlanMember(event);
	const id = Number(event.params.roundId);
	const round = Number.isSafeInteger(id) && id > 0 ? getRound(id) : undefined;
	if (!round || round.planId !== plan.id) error(404, { message: 'not found' });
	const whole = seesWholeReport(membership, {
		round: { planId: round.planId, activity: round.activity }
	});
	const load = () => {
		const report = loadRoundReport(round.id);
		if (!report) error(404, { message: 'not found' });
		// 公开 rounds, and every round once over: others' opinions as the public sees them.
		return whole ? report : participantReport(report, user.id, opinionsPublicNow(round));
	};
	return { round, whole, load };
}

export function requireRoundReport(event: Event): RoundReport {
	return requireRoundReportAccess(event).load();
}

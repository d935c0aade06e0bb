/**
 * The round report of a route, for any member of its plan (404 otherwise), as that member may read
 * it (report-visibility.ts).
 */
import { error } from '@sveltejs/kit';
import { roundPhase } from '../../consultation/period.ts';
import { requirePlanMember } from '../guards.ts';
import { loadRoundReport } from './report.ts';
import { participantReport, seesWholeReport } from './report-visibility.ts';

type Event = Parameters<typeof requirePlanMember>[0] & { params: { roundId?: string } };

export function requireRoundReport(event: Event) {
	const { plan, membership, user } = requirePlanMember(event);
	const id = Number(event.params.roundId);
	const report = Number.isSafeInteger(id) && id > 0 ? loadRoundReport(id) : undefined;
	if (!report || report.round.planId !== plan.id) error(404, { message: 'not found' });
	if (seesWholeReport(membership, report)) return report;
	const phase = roundPhase(report.round, Date.now());
	return participantReport(report, user.id, phase === 'closed' || phase === 'ended');
}

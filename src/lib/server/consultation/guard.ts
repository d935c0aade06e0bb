/** The round of a route, for any member of its plan (404 otherwise). */
import { error } from '@sveltejs/kit';
import { requirePlanMember } from '../guards.ts';
import { loadRoundReport } from './report.ts';

type Event = Parameters<typeof requirePlanMember>[0] & { params: { roundId?: string } };

export function requireRoundReport(event: Event) {
	const { plan } = requirePlanMember(event);
	const id = Number(event.params.roundId);
	const report = Number.isSafeInteger(id) && id > 0 ? loadRoundReport(id) : undefined;
	if (!report || report.round.planId !== plan.id) error(404, { message: 'not found' });
	return report;
}

/**
 * What the public pages of consultation need without a login: a round by its id for its 采纳情况
 * (404 for an unknown id), and the plan's consultation page (only plans that consulted).
 */
import { error } from '@sveltejs/kit';
import { getPlan } from '../plans.ts';
import { getRound, listRounds, type ConsultationRound } from './round-data.ts';

/** The round of a `[roundId]` route param; a plain 404 when there is none. */
export function publicRound(param: string): ConsultationRound {
	const id = Number(param);
	const round = Number.isSafeInteger(id) && id > 0 ? getRound(id) : undefined;
	if (!round) error(404, { message: 'not found' });
	return round;
}

/** A plan's rounds for its public page; 404 for a plan that never consulted (nothing to show). */
export function publicPlanRounds(param: string) {
	const id = Number(param);
	const plan = Number.isSafeInteger(id) && id > 0 ? getPlan(id) : undefined;
	const rounds = plan ? listRounds(plan.id) : [];
	if (!plan || rounds.length === 0) error(404, { message: 'not found' });
	return { plan: { id: plan.id, name: plan.name }, rounds };
}

/** Route guards: redirect anonymous visitors to login, refuse the rest with 403/404. */
import { error, redirect } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import { canAdministerSite, canManagePlan } from '../policy/index.ts';
import type { Membership } from '../roles.ts';
import { getMembership } from './access.ts';
import { getRound } from './consultation/round-data.ts';
import { getPlan } from './plans.ts';

type GuardEvent = Pick<RequestEvent, 'locals' | 'url'>;

export function requireUser(event: GuardEvent) {
	const user = event.locals.user;
	if (!user) {
		const target = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(target)}`);
	}
	return user;
}

export function requireSystemAdmin(event: GuardEvent) {
	const user = requireUser(event);
	if (!canAdministerSite(user)) error(403, { message: 'forbidden' });
	return user;
}

export function parsePlanId(raw: string): number {
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'not found' });
	return id;
}

/** The plan and the user's membership in it; non-members get 404 so plans' existence does not leak. */
export function requirePlanMember(event: GuardEvent & { params: { planId?: string } }) {
	const user = requireUser(event);
	const planId = parsePlanId(event.params.planId ?? '');
	const plan = getPlan(planId);
	const membership = plan ? getMembership(planId, user.id) : undefined;
	if (!plan || !membership) error(404, { message: 'not found' });
	return { user, plan, membership };
}

/** The consultation round of the route (`roundId`) in the member's plan; 404 for any other. */
export function requirePlanRound(
	event: GuardEvent & { params: { planId?: string; roundId?: string } }
) {
	const member = requirePlanMember(event);
	const id = Number(event.params.roundId);
	const round = Number.isSafeInteger(id) ? getRound(id) : undefined;
	if (!round || round.planId !== member.plan.id) error(404, { message: 'not found' });
	return { ...member, round };
}

export function requirePlanAdmin(event: GuardEvent & { params: { planId?: string } }) {
	const result = requirePlanMember(event);
	if (!canManagePlan(result.membership)) error(403, { message: 'forbidden' });
	return result as typeof result & { membership: Membership };
}

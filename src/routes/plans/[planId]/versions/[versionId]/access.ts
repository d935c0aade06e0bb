/**
 * A version of a plan, for any member of the plan (participants read published versions too),
 * loaded through the integrity check: `verified.ok` false means the stored content no longer
 * matches its recorded hash or sign-off records, and the caller must show 完整性校验失败.
 */
import { error } from '@sveltejs/kit';
import { parsePlanId, requirePlanMember } from '#lib/server/guards.ts';
import { loadVerifiedVersion } from '#lib/server/workflow/integrity.ts';

type Event = Parameters<typeof requirePlanMember>[0] & { params: { versionId?: string } };

export function requireVersion(event: Event, raw = event.params.versionId ?? '') {
	const { plan, membership } = requirePlanMember(event);
	const verified = loadVerifiedVersion(parsePlanId(raw));
	if (!verified || verified.version.planId !== plan.id) error(404, { message: 'not found' });
	return { plan, membership, version: verified.version, verified };
}

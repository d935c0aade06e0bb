/** A version of a plan, for any member of the plan (participants read published versions too). */
import { error } from '@sveltejs/kit';
import { parsePlanId, requirePlanMember } from '#lib/server/guards.ts';
import { getVersion, versionPayload } from '#lib/server/workflow/versions.ts';
import type { VersionPayload } from '#lib/workflow/version.ts';

type Event = Parameters<typeof requirePlanMember>[0] & { params: { versionId?: string } };

export function requireVersion(event: Event, raw = event.params.versionId ?? '') {
	const { plan, membership } = requirePlanMember(event);
	const version = getVersion(parsePlanId(raw));
	if (!version || version.planId !== plan.id) error(404, { message: 'not found' });
	const payload = versionPayload(version.hash);
	if (!payload) error(404, { message: 'not found' });
	return { plan, membership, version, payload };
}

export function parsePayload(payload: string): VersionPayload {
	return JSON.parse(payload) as VersionPayload;
}

/**
 * What an export request asks for (query parameters, validated with zod) and whether the member may
 * have it. Drafts go to members who read the draft (canReadDraft); frozen versions will be offered
 * once versions exist (issue 6) — until then any other version is not found.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { canReadDraft, type Membership } from '../../roles.ts';
import type { ExportPlan } from './index.ts';
import { liveDraftSource, type ExportSource } from './source.ts';

export const exportQuery = z.object({
	edition: z.enum(['full', 'publication']).default('full'),
	numbering: z.enum(['plan', 'standard']).default('plan'),
	version: z
		.string()
		.regex(/^(draft|[0-9a-f]{8,64})$/)
		.default('draft')
});
export type ExportQuery = z.infer<typeof exportQuery>;

export function parseExportQuery(url: URL): ExportQuery {
	const parsed = exportQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, { message: 'bad export request' });
	return parsed.data;
}

export function exportSourceFor(
	planId: number,
	membership: Membership,
	query: ExportQuery
): ExportSource {
	if (query.version === 'draft') {
		if (!canReadDraft(membership)) error(403, { message: 'forbidden' });
		return liveDraftSource(planId);
	}
	error(404, { message: 'not found' });
}

export function exportPlanOf(
	plan: { id: number; name: string; city: string; periodStart: number; periodEnd: number },
	leadUnit: string
): ExportPlan {
	return {
		id: plan.id,
		name: plan.name,
		city: plan.city,
		periodStart: plan.periodStart,
		periodEnd: plan.periodEnd,
		leadUnit
	};
}

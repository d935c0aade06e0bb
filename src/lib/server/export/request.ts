/**
 * What an export request asks for (query parameters, validated with zod) and whether the member may
 * have it. `version` is `draft` (the live draft: members who read the draft, canExport),
 * `approved` (the 定稿汇编) or `v<id>` (one frozen version). Versions go to every member of the plan,
 * as on the version pages (versions/[versionId]/access.ts): participants read published versions.
 * A single version is one activity's chapter, so it is exported as the report (full edition) only.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { canExport } from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import type { ExportPlan } from './index.ts';
import { m } from '../../paraglide/messages.js';
import type { Plan } from '../db/schema.ts';
import { logger } from '../log.ts';
import { planHeader } from '../workspace.ts';
import {
	compilationSource,
	frozenVersionSource,
	IntegrityError,
	liveDraftSource,
	type ExportSource
} from './source.ts';

const log = logger('export');

/**
 * The source of an export, or — when a frozen version in it fails its integrity check — the 409
 * response with the recorded and computed hashes (the export page shows the text).
 */
export function exportSourceOrRefusal(
	planId: number,
	membership: Membership,
	query: ExportQuery
): ExportSource | Response {
	try {
		return exportSourceFor(planId, membership, query);
	} catch (cause) {
		if (!(cause instanceof IntegrityError)) throw cause;
		log.warn({ planId, version: query.version }, 'export refused: integrity check failed');
		const text = cause.failures
			.map((f) => m.integrity_refused({ recorded: f.recorded, computed: f.computed ?? '—' }))
			.join('\n');
		return new Response(text, {
			status: 409,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
}

export const exportQuery = z.object({
	edition: z.enum(['full', 'publication']).default('full'),
	numbering: z.enum(['plan', 'standard']).default('plan'),
	version: z
		.string()
		.regex(/^(draft|approved|v\d{1,9})$/)
		.default('draft'),
	/** 保留修订: the draft's pending suggestions as Word revisions (DOCX of the draft only). */
	revisions: z
		.enum(['0', '1'])
		.default('0')
		.transform((v) => v === '1')
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
		if (!canExport(membership, 'draft')) error(403, { message: 'forbidden' });
		return liveDraftSource(planId);
	}
	const source =
		query.version === 'approved'
			? compilationSource(planId)
			: frozenVersionSource(planId, Number(query.version.slice(1)));
	if (!source) error(404, { message: 'not found' });
	if (source.version.kind === 'version') query.edition = 'full';
	return source;
}

/** The plan as an export names it: its header with the lead organization as 编制单位. */
export function exportPlanOf(plan: Plan): ExportPlan {
	const { leadOrganization, ...header } = planHeader(plan);
	return { ...header, leadUnit: leadOrganization };
}

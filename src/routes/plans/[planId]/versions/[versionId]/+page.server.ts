import { error } from '@sveltejs/kit';
import { getDb, schema } from '#lib/server/db/index.ts';
import { loadVersionSignatures } from '#lib/server/workflow/queries.ts';
import { payloadFigures } from '#lib/server/images/frozen.ts';
import { ACTIVITY_CHAPTER } from '#lib/standard/sections.ts';
import { compareVersions } from '#lib/workflow/version.ts';
import { eq } from 'drizzle-orm';
import { versionFeedback } from '#lib/server/feedback/views.ts';
import { requireVersion } from './access.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, version, verified } = requireVersion(event);
	const author = version.createdBy
		? getDb()
				.select({ name: schema.users.displayName })
				.from(schema.users)
				.where(eq(schema.users.id, version.createdBy))
				.get()?.name
		: undefined;
	const compareRaw = event.url.searchParams.get('compare');
	const other = compareRaw ? requireVersion(event, compareRaw) : undefined;
	if (other && other.version.activity !== version.activity) error(400, { message: 'invalid' });
	// A version whose content fails the check is shown as 完整性校验失败, never as its content.
	const failures = [verified, ...(other ? [other.verified] : [])].flatMap((v) =>
		v.ok ? [] : [{ ...v.failure, milestone: v.version.milestone, seq: v.version.seq }]
	);
	const frozen = verified.ok ? verified.payload : null;
	let comparison = null;
	if (frozen && other?.verified.ok) {
		comparison = {
			other: {
				id: other.version.id,
				milestone: other.version.milestone,
				seq: other.version.seq,
				hash: other.version.hash
			},
			sections: compareVersions(other.verified.payload, frozen)
		};
	}
	return {
		plan: { id: plan.id, name: plan.name },
		version: {
			id: version.id,
			activity: version.activity,
			chapter: ACTIVITY_CHAPTER[version.activity],
			milestone: version.milestone,
			seq: version.seq,
			hash: version.hash,
			waiver: version.waiver,
			createdAt: version.createdAt.getTime(),
			createdBy: author ?? null,
			supersededAt: version.supersededAt?.getTime() ?? null
		},
		integrity: failures,
		// Who signed this content, with their opinions (会签意见, 签发意见).
		signatures: loadVersionSignatures(version),
		// 5.1.3: what the next activity's people fed back on this version, with the answers.
		feedback: versionFeedback(plan.id, version.id),
		sections: (frozen?.sections ?? []).map((s) => ({
			clause: s.clause,
			title: s.title,
			body: s.rendering.body,
			items: Object.entries(s.rendering.items),
			blocks: Object.entries(s.rendering.data).map(([key, rows]) => ({
				key,
				rows: (rows ?? []).map((row) =>
					row && typeof row === 'object'
						? Object.entries(row as Record<string, unknown>)
								.filter(([k]) => k !== 'id')
								.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as const)
						: []
				)
			}))
		})),
		comparison,
		figures: frozen ? payloadFigures(frozen) : {}
	};
};

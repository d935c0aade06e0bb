import { canExport } from '#lib/policy/index.ts';
import { currentFinals } from '#lib/server/export/source.ts';
import { requirePlanMember } from '#lib/server/guards.ts';
import { loadVerifiedVersion } from '#lib/server/workflow/integrity.ts';
import { versionsOf } from '#lib/server/workflow/versions.ts';
import { planHeader } from '#lib/server/workspace.ts';
import { ACTIVITIES } from '#lib/standard/sections.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { plan, membership } = requirePlanMember(event);
	const readsDraft = canExport(membership, 'draft');
	const finals = currentFinals(plan.id);
	// Newest first within each activity, activities in chapter order.
	const frozen = versionsOf(plan.id)
		.map((v) => ({
			value: `v${v.id}`,
			kind: 'version' as const,
			activity: v.activity,
			milestone: v.milestone,
			seq: v.seq,
			hash: v.hash,
			superseded: v.supersededAt !== null,
			// Checked here too, so the page says 完整性校验失败 before anyone asks for the file.
			failed: loadVerifiedVersion(v.id)?.ok === false
		}))
		.sort(
			(a, b) => ACTIVITIES.indexOf(a.activity) - ACTIVITIES.indexOf(b.activity) || b.seq - a.seq
		);
	return {
		plan: planHeader(plan),
		readsDraft,
		draft: readsDraft,
		/** The 定稿汇编, with how many activities have a current 定稿. */
		compilation:
			finals.size > 0
				? {
						finals: finals.size,
						of: ACTIVITIES.length,
						failed: frozen.some(
							(v) => v.failed && [...finals.values()].some((f) => `v${f.id}` === v.value)
						)
					}
				: null,
		versions: frozen
	};
};

/** What the export renderer reads for a draft of a small sample plan, for tests that render files. */
import type { StoredInput } from '../../src/lib/server/export/render.ts';

/** A draft export of plan 1 (示例市, 2026–2030) holding `sections`; `more` adds people, … */
export function draftInput(
	sections: StoredInput['sections'],
	more: Partial<StoredInput> = {}
): StoredInput {
	return {
		plan: {
			id: 1,
			title: '示例',
			city: '示例市',
			periodStart: 2026,
			periodEnd: 2030,
			leadUnit: '大数据局'
		},
		version: { kind: 'draft', label: '草稿', hash: null, at: '2026-12-06T00:00:00Z' },
		date: '2026-12-06T00:00:00Z',
		sections,
		signoffs: [],
		consultations: [],
		...more
	};
}

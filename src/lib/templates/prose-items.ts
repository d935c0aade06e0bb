/**
 * Prose fields a section asks for beyond its body (DESIGN.md §2 "required-items prose"): one field
 * per item the template registry writes as prose. The registry owns the list; this is the thin
 * shape the section page needs (id, label, the standard's words with their verb, our note apart).
 */
import { proseItemsOf } from './registry.ts';
import type { NormativeVerb } from './types.ts';

export interface ProseItem {
	/** The section document's `item:<id>` fragment, e.g. `6.5.2.a` or `6.2.3`. */
	id: string;
	/** As the standard labels it: `a）目标分析`, `6.2.3 社会治理`. */
	label: string;
	/** The standard's text for the item, verbatim, where it has more than a title. */
	hint?: string;
	/** The standard's modal verb for the item (应/宜/可), `none` where it states without one. */
	verb: NormativeVerb;
	/** Our note on the item (a defect of the source text, our reading): never shown as the standard. */
	note?: string;
	/** False for what only Table A.1 adds (可参考): shown, never demanded by the checklist. */
	required: boolean;
}

export function proseItems(sectionClause: string): ProseItem[] {
	return proseItemsOf(sectionClause).map((item) => {
		const points = item.points?.map((p) => `${p.label}）${p.text}`).join('\n');
		const hint = [item.text, points].filter(Boolean).join('\n');
		return {
			id: item.id,
			label: item.label,
			required: item.required,
			verb: item.verb,
			...(hint ? { hint } : {}),
			...(item.note ? { note: item.note } : {})
		};
	});
}

/**
 * Prose fields a section asks for beyond its body (DESIGN.md §2 "required-items prose"): one field
 * per item the template registry writes as prose. The registry owns the list; this is the thin
 * shape the section page needs (id, label, the standard's words as a hint).
 */
import { proseItemsOf } from './registry.ts';

export interface ProseItem {
	/** The section document's `item:<id>` fragment, e.g. `6.5.2.a` or `6.2.3`. */
	id: string;
	/** As the standard labels it: `a）目标分析`, `6.2.3 社会治理`. */
	label: string;
	/** The standard's text for the item, where it has more than a title. */
	hint?: string;
	/** False for what only Table A.1 adds (可参考): shown, never demanded by the checklist. */
	required: boolean;
}

export function proseItems(sectionClause: string): ProseItem[] {
	return proseItemsOf(sectionClause).map((item) => {
		const points = item.points?.map((p) => `${p.label}）${p.text}`).join('\n');
		const hint = [item.text, points].filter(Boolean).join('\n');
		return { id: item.id, label: item.label, required: item.required, ...(hint ? { hint } : {}) };
	});
}

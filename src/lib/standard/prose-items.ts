/**
 * Prose fields a section asks for beyond its body (DESIGN.md §2 "required-items prose"): one field
 * per enumerated item of the standard. Derived from outline.json so the labels are the standard's
 * own words. The template registry will own this list once it exists; until then this is the
 * single source the section page and the conformance checks read.
 */
import outline from './outline.json' with { type: 'json' };

export interface ProseItem {
	/** Key in the section's `items` Y.Map, e.g. `6.5.2.a` or `6.2.3`. */
	id: string;
	/** As the standard labels it: `a）目标分析`, `6.2.3 社会治理`. */
	label: string;
	/** The standard's text for the item, where it has more than a title. */
	hint?: string;
}

interface Node {
	clause: string;
	title: string;
	requirement?: string;
	items?: { label: string; text: string }[];
	children?: Node[];
}

/** Sections whose sub-clauses are each a field, and clauses whose lettered items are fields. */
const SUBCLAUSE_FIELDS: Record<string, string> = { '6.1': '6.1.2', '6.2': '6.2' };
const LETTERED_FIELDS: Record<string, string> = { '6.5': '6.5.2', '8.5': '8.5.3', '9.4': '9.4' };

const chapters = (outline as { outline_chapters_6_to_9: Node[] }).outline_chapters_6_to_9;

function find(clause: string, nodes: Node[] = chapters): Node | undefined {
	for (const node of nodes) {
		if (node.clause === clause) return node;
		const hit = find(clause, node.children ?? []);
		if (hit) return hit;
	}
	return undefined;
}

function shortText(text: string): { title: string; hint?: string } {
	// "组织保障：应针对……" → title 组织保障, hint the rest
	const colon = text.indexOf('：');
	if (colon > 0 && colon <= 12) return { title: text.slice(0, colon), hint: text.slice(colon + 1) };
	return { title: text };
}

export function proseItems(sectionClause: string): ProseItem[] {
	const parent = SUBCLAUSE_FIELDS[sectionClause];
	if (parent) {
		return (find(parent)?.children ?? []).map((child) => ({
			id: child.clause,
			label: `${child.clause} ${child.title}`,
			hint: child.requirement ?? child.items?.map((i) => `${i.label}）${i.text}`).join('\n')
		}));
	}
	const lettered = LETTERED_FIELDS[sectionClause];
	if (lettered) {
		return (find(lettered)?.items ?? []).map((item) => {
			const { title, hint } = shortText(item.text);
			return { id: `${lettered}.${item.label}`, label: `${item.label}）${title}`, hint };
		});
	}
	return [];
}

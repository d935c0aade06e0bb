/**
 * Typed access to the clauses of chapters 6–9 in outline.json (the standard as data). Only what the
 * registry needs: find a clause, list a clause's descendants.
 */
import outline from '../standard/outline.json' with { type: 'json' };

export interface OutlineItem {
	label: string;
	text: string;
	note?: string;
}

export interface OutlineClause {
	clause: string;
	title: string;
	normative_verb?: string;
	requirement?: string;
	items?: OutlineItem[];
	enumerations?: Record<string, string[]>;
	note?: string;
	children?: OutlineClause[];
}

export const OUTLINE_CHAPTERS = (outline as { outline_chapters_6_to_9: OutlineClause[] })
	.outline_chapters_6_to_9;

export function findClause(
	clause: string,
	nodes: readonly OutlineClause[] = OUTLINE_CHAPTERS
): OutlineClause | undefined {
	for (const node of nodes) {
		if (node.clause === clause) return node;
		const hit = findClause(clause, node.children ?? []);
		if (hit) return hit;
	}
	return undefined;
}

/** The clause, or a thrown error naming it: a typo in the registry fails at import, in every test. */
export function requireClause(clause: string): OutlineClause {
	const node = findClause(clause);
	if (!node) throw new Error(`outline.json has no clause ${clause}`);
	return node;
}

/** All clauses below `node`, depth first, not including `node` itself. */
export function descendants(node: OutlineClause): OutlineClause[] {
	return (node.children ?? []).flatMap((child) => [child, ...descendants(child)]);
}

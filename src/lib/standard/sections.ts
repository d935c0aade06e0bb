/**
 * The plan's sections: the second-level clauses of chapters 6–9 of GB/T 36333-2018, grouped by the
 * standard's four activities (DESIGN.md §2). 7.1 总则 is general guidance for chapter 7, not a section
 * anyone writes, so it has no entry. The template registry (src/lib/templates) adds guidance and blocks
 * to each of these; this module is the small, dependency-free list that the database, permissions and
 * admin pages key on.
 */
import outline from './outline.json' with { type: 'json' };

export const ACTIVITIES = ['requirements', 'overall', 'architecture', 'roadmap'] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** Chapter number of each activity in the standard. */
export const ACTIVITY_CHAPTER: Record<Activity, string> = {
	requirements: '6',
	overall: '7',
	architecture: '8',
	roadmap: '9'
};

/** Clauses that are guidance for a whole chapter rather than a section of the plan. */
const NOT_SECTIONS = new Set(['7.1']);

export interface SectionRef {
	clause: string;
	title: string;
	activity: Activity;
}

interface OutlineNode {
	clause: string;
	title: string;
	children?: OutlineNode[];
}

const chapters = (outline as { outline_chapters_6_to_9: OutlineNode[] }).outline_chapters_6_to_9;

export const SECTIONS: readonly SectionRef[] = chapters.flatMap((chapter) => {
	const activity = ACTIVITIES.find((a) => ACTIVITY_CHAPTER[a] === chapter.clause);
	if (!activity) throw new Error(`outline.json: chapter ${chapter.clause} is not an activity`);
	return (chapter.children ?? [])
		.filter((node) => !NOT_SECTIONS.has(node.clause))
		.map((node) => ({ clause: node.clause, title: node.title, activity }));
});

export const SECTION_CLAUSES: readonly string[] = SECTIONS.map((s) => s.clause);

const byClause = new Map(SECTIONS.map((s) => [s.clause, s]));

export function findSection(clause: string): SectionRef | undefined {
	return byClause.get(clause);
}

export function isSectionClause(clause: string): boolean {
	return byClause.has(clause);
}

/** The Yjs document name of a section (DESIGN.md §2), e.g. `plan/42/section/9.1`. */
export function sectionDocumentName(planId: number, clause: string): string {
	return `plan/${planId}/section/${clause}`;
}

const DOCUMENT_NAME = /^plan\/([1-9]\d{0,9})\/section\/(\d\.\d)$/;

/** Parses a document name; undefined for anything that is not exactly a known section of a plan. */
export function parseSectionDocumentName(
	name: string
): { planId: number; clause: string } | undefined {
	const match = DOCUMENT_NAME.exec(name);
	if (!match || !isSectionClause(match[2])) return undefined;
	return { planId: Number(match[1]), clause: match[2] };
}

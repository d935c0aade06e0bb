/** Figure numbers as Chinese reports print them: per chapter, 图 6-1, 图 6-2, … (isomorphic). */
export function figureLabel(chapter: string, n: number): string {
	return `图 ${chapter}-${n}`;
}

/** The chapter number of a section clause (6.3.2 → 6). */
export function chapterOfClause(clause: string): string {
	return clause.split('.')[0] ?? clause;
}

/** What a cross-reference shows when its figure is gone. */
export const MISSING_FIGURE = '图 ?';

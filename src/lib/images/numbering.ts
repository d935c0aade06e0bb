/** Figure numbers as Chinese reports print them: per chapter, 图 6-1, 图 6-2, … (isomorphic). */
export function figureLabel(chapter: string, n: number): string {
	return `图 ${chapter}-${n}`;
}

/** What a cross-reference shows when its figure is gone. */
export const MISSING_FIGURE = '图 ?';

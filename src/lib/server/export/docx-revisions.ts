/**
 * A pending suggestion as a Word revision: an inserted run becomes `w:ins`, a deleted one `w:del`
 * (the `docx` library's InsertedTextRun / DeletedTextRun), each with its proposer as author and its
 * time, so Word and WPS list it in 修订 view and accept or reject it there.
 */
import { DeletedTextRun, InsertedTextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { InlineRevision } from '../../export/revisions.ts';

/** Word wants revision ids unique in the document; bookmarks number from 1, so these start high. */
const FIRST_ID = 100_000;
let nextId = FIRST_ID;

function revisionId(): number {
	if (nextId >= 2 ** 31 - 1) nextId = FIRST_ID;
	return nextId++;
}

/** Word shows 作者未知 for an empty author; ours says so in Chinese. */
const UNKNOWN_AUTHOR = '未署名';

/**
 * The revision run for a text run of a pending suggestion. A suggestion whose time was not recorded
 * is dated now (the export's time), because Word requires a date on every revision.
 */
export function revisionRun(
	revision: InlineRevision,
	options: IRunOptions & { text: string }
): ParagraphChild {
	const change = revisionAttributes(revision);
	return revision.kind === 'insert'
		? new InsertedTextRun({ ...options, ...change })
		: new DeletedTextRun({ ...options, ...change });
}

/**
 * Word's id, author and date of a revision — the attributes of `w:ins` / `w:del` wherever they
 * stand (a run, a table row's `w:trPr`, a cell, a picture). A suggestion whose time was not
 * recorded is dated now (Word requires a date).
 */
export function revisionAttributes(revision: InlineRevision): {
	id: number;
	author: string;
	date: string;
} {
	return {
		id: revisionId(),
		author: revision.author || UNKNOWN_AUTHOR,
		// Milliseconds kept (valid xsd:dateTime): they tell one Lantu suggestion from another by the
		// same author in the same second, so an import of this file finds the same suggestions.
		date: revision.date ?? new Date().toISOString()
	};
}

/**
 * A structural suggestion (a table row or a column's cell, a picture) as the options the `docx`
 * library writes as `w:ins` / `w:del` on it: `w:trPr` for a row, `w:tcPr` for a cell, the
 * picture's run.
 */
export function structureRevisionOptions(revision: InlineRevision | null | undefined): {
	insertion?: ReturnType<typeof revisionAttributes>;
	deletion?: ReturnType<typeof revisionAttributes>;
} {
	if (!revision) return {};
	const change = revisionAttributes(revision);
	return revision.kind === 'insert' ? { insertion: change } : { deletion: change };
}

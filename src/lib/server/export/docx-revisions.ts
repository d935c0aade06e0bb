/**
 * A pending suggestion as a Word revision: an inserted run becomes `w:ins`, a deleted one `w:del`
 * (the `docx` library's InsertedTextRun / DeletedTextRun), a format change `w:rPrChange` and a
 * paragraph-style change `w:pPrChange` (the library's `revision` run and paragraph options), each
 * with its proposer as author and its time, so Word and WPS list it in 修订 view and accept or
 * reject it there.
 */
import {
	DeletedTextRun,
	InsertedTextRun,
	UnderlineType,
	type IParagraphPropertiesChangeOptions,
	type IParagraphPropertiesOptionsBase,
	type IRunOptions,
	type IRunPropertiesChangeOptions,
	type ParagraphChild
} from 'docx';
import type { ChangeAuthor, FormatRevision, StyleRevision } from '../../export/format-revisions.ts';
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

/** Who and when, as Word's change attributes (a fresh id each: Word wants them unique). */
function changeAttributes(change: ChangeAuthor) {
	return {
		id: revisionId(),
		author: change.author || UNKNOWN_AUTHOR,
		date: change.date ?? new Date().toISOString()
	};
}

/**
 * A pending format suggestion as Word's `w:rPrChange`: the run is written in its suggested format
 * and carries the properties it had before (`previous`: the run's own options with the old bold,
 * italic and underline), so Word lists 格式已更改 and rejecting restores the old format. A change
 * of link only has no run property to show; it is still one revision (Word: 已设置格式).
 */
export function formatRevision(
	change: FormatRevision,
	current: IRunOptions
): IRunPropertiesChangeOptions {
	return {
		...current,
		// Stated both ways (w:b w:val="false", w:u none): Word requires the old properties to be
		// present, and "not bold" must read as such.
		bold: change.previous.bold || !!current.bold,
		italics: change.previous.italic,
		underline: change.previous.underline ? {} : { type: UnderlineType.NONE },
		...changeAttributes(change)
	};
}

/**
 * A pending paragraph-style suggestion as Word's `w:pPrChange`, holding the paragraph properties
 * of the style it had before (`previous`: built by the caller as it builds that style).
 */
export function styleRevision(
	change: StyleRevision,
	previous: IParagraphPropertiesOptionsBase
): IParagraphPropertiesChangeOptions {
	return { ...previous, ...changeAttributes(change) };
}

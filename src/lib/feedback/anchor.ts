/**
 * 5.1.3 feedback's anchor on the previous activity's 定稿: a section, optionally one row of a
 * structured block of it, optionally words quoted from it. A version never changes, so the rows
 * offered and the quote are both checked against the frozen section (isomorphic: the filing form
 * offers exactly the rows the server accepts).
 */
import type { SectionData } from '../conformance/types.ts';
import { blockText } from '../consultation/passages.ts';
import { BLOCKS } from '../templates/blocks/index.ts';

/** Limits of what a filer and an answerer write (characters). */
export const FEEDBACK_TEXT_MAX = 4000;
export const FEEDBACK_QUOTE_MAX = 500;
export const FEEDBACK_ANSWER_MAX = 2000;
/** A row's label is its text, cut for a select (the full row stays in the version). */
const ROW_LABEL_MAX = 120;

export interface FeedbackRow {
	blockKey: string;
	rowId: string;
	/** 「块名：字段：值；…」 as the row reads in the version. */
	label: string;
}

function cut(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The rows of a frozen section that feedback may point at: every block row that has an id. */
export function feedbackRows(rendering: SectionData): FeedbackRow[] {
	const rows: FeedbackRow[] = [];
	for (const [blockKey, list] of Object.entries(rendering.data)) {
		const name = (BLOCKS as Record<string, { label: string } | undefined>)[blockKey]?.label;
		for (const row of list ?? []) {
			if (!row || typeof row !== 'object') continue;
			const id = (row as { id?: unknown }).id;
			if (typeof id !== 'string' || id === '') continue;
			const text = blockText(blockKey, [row]);
			if (text.trim() === '') continue;
			rows.push({ blockKey, rowId: id, label: cut(`${name ?? blockKey}：${text}`, ROW_LABEL_MAX) });
		}
	}
	return rows;
}

/** Whitespace differences (line breaks, doubled spaces) do not make a quote another quote. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Whether the quoted words stand in the section as frozen: its body, items or block rows. */
export function quoteInSection(rendering: SectionData, quote: string): boolean {
	const wanted = squeeze(quote);
	if (wanted === '') return false;
	const texts = [
		rendering.body,
		...Object.values(rendering.items),
		...Object.entries(rendering.data).map(([key, rows]) => blockText(key, rows ?? []))
	];
	return texts.some((text) => squeeze(text).includes(wanted));
}

/**
 * The passages of a frozen version that consultation comments anchor on. A version never changes,
 * so an anchor is a part of a section (`body`, `item:<id>` or `block:<key>`) and character offsets
 * in that part's frozen text; the server recomputes the quote from them. Isomorphic: the round page
 * renders exactly these texts, so offsets taken in the browser match the server's.
 */
import type { SectionData } from '../conformance/types.ts';
import { BLOCKS } from '../templates/blocks/index.ts';
import { findItem } from '../templates/registry.ts';

export interface Passage {
	start: number;
	end: number;
	text: string;
	/** A heading line of the author's document: shown as a heading, not commented on by itself. */
	heading?: boolean;
}

/** A structured block as a table: one row per passage of its part, in the same order. */
export interface PartTable {
	columns: string[];
	/** rows[i] holds the cells of passages[i], one per column ('' where the row has no value). */
	rows: string[][];
}

export interface FrozenPart {
	/** `body`, `item:<id>` or `block:<key>`. */
	part: string;
	/** A heading for the part: the item's label or the block's name ('' for the body). */
	label: string;
	text: string;
	passages: Passage[];
	/** Structured blocks only: the same rows as a table (the text stays the anchor). */
	table?: PartTable;
}

type AnyField = {
	key: string;
	label: string;
	kind: string;
	options?: readonly { value: string; label: string }[];
};

function cellText(field: AnyField, value: unknown): string {
	if (value === null || value === undefined || value === '') return '';
	if (field.options) {
		const values = Array.isArray(value) ? value : [value];
		return values
			.map((v) => field.options?.find((o) => o.value === v)?.label ?? String(v))
			.join('、');
	}
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}

/** A structured block's rows as `[label, value]` pairs, rows without any value left out. */
function blockPairs(key: string, rows: readonly unknown[]): (readonly [string, string])[][] {
	const block = (BLOCKS as Record<string, { fields: readonly AnyField[] } | undefined>)[key];
	return rows
		.map((row) => {
			if (!row || typeof row !== 'object') return [];
			const record = row as Record<string, unknown>;
			const fields: AnyField[] =
				block?.fields.slice() ??
				Object.keys(record)
					.filter((k) => k !== 'id')
					.map((k) => ({ key: k, label: k, kind: 'text' }));
			// References are links to rows of other blocks (ids), not words a reader comments on.
			return fields
				.filter((f) => f.kind !== 'reference')
				.map((f) => [f.label, cellText(f, record[f.key]).replace(/\s+/g, ' ')] as const)
				.filter(([, v]) => v.trim() !== '');
		})
		.filter((pairs) => pairs.length > 0);
}

/** A structured block as text: one line per row, `字段：值` pairs joined by ；. */
export function blockText(key: string, rows: readonly unknown[]): string {
	return blockPairs(key, rows)
		.map((pairs) => pairs.map(([k, v]) => `${k}：${v}`).join('；'))
		.join('\n');
}

/** The same rows as a table: the columns any row fills, in declaration order. */
export function blockTable(key: string, rows: readonly unknown[]): PartTable {
	const pairs = blockPairs(key, rows);
	const columns: string[] = [];
	for (const row of pairs) for (const [k] of row) if (!columns.includes(k)) columns.push(k);
	return {
		columns,
		rows: pairs.map((row) => columns.map((c) => row.find(([k]) => k === c)?.[1] ?? ''))
	};
}

/** Non-empty lines of a text with their offsets. */
export function passagesOf(text: string): Passage[] {
	const out: Passage[] = [];
	let start = 0;
	for (const line of text.split('\n')) {
		const end = start + line.length;
		if (line.trim() !== '') out.push({ start, end, text: line });
		start = end + 1;
	}
	return out;
}

/**
 * The commentable parts of a frozen section, in reading order, empty ones left out. `headings`
 * (part → indices of its non-empty lines that are headings, headings.ts) marks heading passages.
 */
export function frozenParts(
	rendering: SectionData,
	headings: Readonly<Record<string, readonly number[]>> = {}
): FrozenPart[] {
	const parts: { part: string; label: string; text: string; table?: PartTable }[] = [
		{ part: 'body', label: '', text: rendering.body },
		...Object.entries(rendering.items).map(([id, text]) => ({
			part: `item:${id}`,
			label: findItem(id)?.item.label ?? id,
			text
		})),
		...Object.entries(rendering.data).map(([key, rows]) => ({
			part: `block:${key}`,
			label: (BLOCKS as Record<string, { label: string } | undefined>)[key]?.label ?? key,
			text: blockText(key, rows ?? []),
			table: blockTable(key, rows ?? [])
		}))
	];
	return parts
		.filter((p) => p.text.trim() !== '')
		.map((p) => {
			const marked = new Set(headings[p.part] ?? []);
			const passages = passagesOf(p.text).map((passage, i) =>
				marked.has(i) ? { ...passage, heading: true } : passage
			);
			return { ...p, passages };
		});
}

/** The quoted words of an anchor, or undefined when the offsets do not fit the part. */
export function quoteOf(text: string, start: number, end: number): string | undefined {
	if (!Number.isInteger(start) || !Number.isInteger(end)) return undefined;
	if (start < 0 || end > text.length || end <= start) return undefined;
	const quote = text.slice(start, end);
	return quote.trim() === '' ? undefined : quote;
}

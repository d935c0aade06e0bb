/**
 * Pending formatting and paragraph-style suggestions (修订) in the export model. The editor marks
 * them with Lantu's `format_change` mark (src/lib/suggestions/format-mark.ts): the words already
 * carry their new format and the mark says what it was before. y-prosemirror writes the mark as a
 * Y.XmlText formatting attribute named `format_change` or, since several may overlap,
 * `format_change--<hash>`; its value is the mark's attrs `{ id, change }`.
 *
 * The DOCX keeps them as Word's own format revisions (docx-revisions.ts: `w:rPrChange` for a run,
 * `w:pPrChange` for a paragraph's style); every other export, and a DOCX without 保留修订, prints
 * the owners' text — the format before the suggestion, as if it were rejected.
 */
import { formatChangeSchema, type FormatChange } from '../suggestions/format-mark.ts';
import { parseSuggestionId, type SuggestionAuthor } from '../suggestions/ids.ts';
import { safeHref } from '../editor/marks/index.ts';
import type { InlineText, ParagraphBlock, SubheadingBlock } from './types.ts';

/** Who proposed a format or style change, and when (as InlineRevision without its kind). */
export interface ChangeAuthor {
	id: string;
	by: SuggestionAuthor | null;
	/** The proposer's name, filled in by `resolveFormat` / `resolveStyle` ('' when unknown). */
	author: string;
	/** ISO time of the proposal, when the id records one. */
	date?: string;
}

/** The run's format before the suggestion. */
export interface RunFormat {
	bold: boolean;
	italic: boolean;
	underline: boolean;
	href?: string;
}

export interface FormatRevision extends ChangeAuthor {
	previous: RunFormat;
}

/** The paragraph's style before the suggestion (a subheading's depth as the model counts it). */
export type PreviousStyle = { type: 'paragraph' } | { type: 'subheading'; depth: number };

export interface StyleRevision extends ChangeAuthor {
	previous: PreviousStyle;
}

const FORMAT_KEY = /^format_change(?:--.+)?$/;

/** The `format_change` marks among a run's Yjs attributes, verified (malformed ones are ignored). */
export function formatChangesOf(
	attributes: Record<string, unknown> | undefined
): { id: string; change: FormatChange }[] {
	if (!attributes) return [];
	const out: { id: string; change: FormatChange }[] = [];
	for (const [key, value] of Object.entries(attributes)) {
		if (!FORMAT_KEY.test(key) || !value || typeof value !== 'object') continue;
		const { id, change } = value as { id?: unknown; change?: unknown };
		const parsed = formatChangeSchema.safeParse(change);
		if (typeof id === 'string' && parsed.success) out.push({ id, change: parsed.data });
	}
	return out;
}

function authorOf(id: string): ChangeAuthor {
	const by = parseSuggestionId(id);
	const out: ChangeAuthor = { id, by, author: by?.name ?? '' };
	if (by && Number.isFinite(by.at) && by.at > 0) out.date = new Date(by.at).toISOString();
	return out;
}

/**
 * The run's pending format change, from its attributes and its current (suggested) format. Word
 * holds one `w:rPrChange` per run, so several overlapping changes (bold by one, italic by another)
 * become one, named after the first; their previous formats all apply.
 */
export function formatRevisionOf(
	attributes: Record<string, unknown> | undefined,
	now: InlineText
): FormatRevision | null {
	const changes = formatChangesOf(attributes).filter((c) => 'mark' in c.change);
	if (changes.length === 0) return null;
	const previous: RunFormat = {
		bold: !!now.bold,
		italic: !!now.italic,
		underline: !!now.underline,
		...(now.href && { href: now.href })
	};
	for (const { change } of changes) {
		if (!('mark' in change)) continue;
		const was = change.previous;
		if (change.mark === 'strong') previous.bold = !!was;
		else if (change.mark === 'em') previous.italic = !!was;
		else if (change.mark === 'underline') previous.underline = !!was;
		else if (change.mark === 'link') {
			const href = typeof was?.attrs?.href === 'string' ? safeHref(was.attrs.href) : null;
			if (href) previous.href = href;
			else delete previous.href;
		}
	}
	return { ...authorOf(changes[0].id), previous };
}

/**
 * A paragraph's pending style change (正文 ↔ 标题, heading level), found on its words; the
 * previous heading level counted as the section's headings are (`depthOffset`, prose.ts).
 */
export function styleRevisionOf(
	runs: readonly (Record<string, unknown> | undefined)[],
	depthOffset: number
): StyleRevision | null {
	for (const attributes of runs)
		for (const { id, change } of formatChangesOf(attributes)) {
			if (!('block' in change)) continue;
			const { type, attrs } = change.block;
			const level = Number(attrs.level);
			const previous: PreviousStyle =
				type === 'heading' && Number.isFinite(level) && level > 0
					? { type: 'subheading', depth: Math.max(1, level - depthOffset) }
					: { type: 'paragraph' };
			return { ...authorOf(id), previous };
		}
	return null;
}

type People = Readonly<Record<number, { name: string; organization: string }>>;

function named<T extends ChangeAuthor>(change: T, people: People): T {
	const person = change.by && change.by.userId > 0 ? people[change.by.userId] : undefined;
	return person ? { ...change, author: person.name } : change;
}

/** A run with its format change kept (author named) or undone (the owners' format). */
export function resolveFormat(inline: InlineText, keep: boolean, people: People): InlineText {
	const change = inline.formatChange;
	if (!change) return inline;
	if (keep) return { ...inline, formatChange: named(change, people) };
	const out: InlineText = { ...inline };
	delete out.formatChange;
	delete out.bold;
	delete out.italic;
	delete out.underline;
	delete out.href;
	if (change.previous.bold) out.bold = true;
	if (change.previous.italic) out.italic = true;
	if (change.previous.underline) out.underline = true;
	if (change.previous.href) out.href = change.previous.href;
	return out;
}

/** A paragraph or subheading with its style change kept (author named) or undone. */
export function resolveStyle(
	block: ParagraphBlock | SubheadingBlock,
	keep: boolean,
	people: People
): ParagraphBlock | SubheadingBlock {
	const change = block.styleChange;
	if (!change) return block;
	if (keep) return { ...block, styleChange: named(change, people) };
	const { inlines } = block;
	return change.previous.type === 'subheading'
		? { type: 'subheading', depth: change.previous.depth, inlines }
		: { type: 'paragraph', inlines };
}

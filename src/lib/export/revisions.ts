/**
 * Pending suggestions (修订) in the export model. The editor stores them as the marks of
 * `@handlewithcare/prosemirror-suggest-changes` (`insertion` / `deletion`, attrs `{ id }`), which
 * y-prosemirror writes as Y.XmlText formatting attributes. The marks carry only an id; who proposed
 * it and when is kept beside the prose in the section's `suggestions` Y.Map (id → meta), so a
 * suggestion can be listed, exported as a Word revision and imported back with its author.
 *
 * Exports show the draft as its owners wrote it unless the reader asks to keep the revisions (DOCX
 * only): pending insertions are left out, pending deletions stay as ordinary text.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { Block, Inline, InlineText, TableCell } from './types.ts';

/** The top-level Y.Map of a section's suggestion meta, keyed by the mark's id as a string. */
export const SUGGESTIONS_MAP = 'suggestions';

export const suggestionMeta = z.object({
	/** The proposer's display name (or, for an imported Word revision, Word's author). */
	author: z.string().max(200),
	/** The proposer's account, when the proposer is one of the plan's users. */
	userId: z.number().int().positive().optional(),
	department: z.string().max(200).optional(),
	/** ISO time of the proposal. */
	at: z.iso.datetime({ offset: true })
});
export type SuggestionMeta = z.infer<typeof suggestionMeta>;

export type RevisionKind = 'insert' | 'delete';

/** A pending suggestion on a run of text, as the export model carries it. */
export interface InlineRevision {
	kind: RevisionKind;
	id: string;
	author: string;
	/** ISO time; absent when the suggestion's meta was not recorded. */
	date?: string;
}

/** The meta of a suggestion id, or null when none (or an unreadable one) was stored. */
export function readSuggestionMeta(doc: Y.Doc | null, id: string): SuggestionMeta | null {
	if (!doc || !doc.share.has(SUGGESTIONS_MAP)) return null;
	const raw = doc.getMap(SUGGESTIONS_MAP).get(id);
	const value = raw instanceof Y.Map ? raw.toJSON() : raw;
	const parsed = suggestionMeta.safeParse(value);
	return parsed.success ? parsed.data : null;
}

/** Records who proposed a suggestion and when (the import and tests; the editor writes the same). */
export function recordSuggestion(doc: Y.Doc, id: string, meta: SuggestionMeta): void {
	doc.getMap(SUGGESTIONS_MAP).set(id, suggestionMeta.parse(meta));
}

function markId(value: unknown): string | null {
	const id = (value as { id?: unknown } | null | undefined)?.id;
	return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
}

/** The revision a run's Yjs formatting attributes describe, if it is a pending suggestion. */
export function revisionOf(
	attributes: Record<string, unknown> | undefined,
	doc: Y.Doc | null
): InlineRevision | null {
	if (!attributes) return null;
	const kind: RevisionKind | null =
		'insertion' in attributes ? 'insert' : 'deletion' in attributes ? 'delete' : null;
	if (!kind) return null;
	const id = markId(kind === 'insert' ? attributes.insertion : attributes.deletion);
	if (id === null) return null;
	const meta = readSuggestionMeta(doc, id);
	const revision: InlineRevision = { kind, id, author: meta?.author ?? '' };
	if (meta) revision.date = meta.at;
	return revision;
}

function resolveInlines(inlines: readonly Inline[], keep: boolean): Inline[] {
	const out: Inline[] = [];
	for (const inline of inlines) {
		if ('break' in inline || !inline.revision) {
			out.push(inline);
			continue;
		}
		if (keep) out.push(inline);
		else if (inline.revision.kind === 'delete') {
			const plain: InlineText = { ...inline };
			delete plain.revision;
			out.push(plain);
		}
	}
	return out;
}

function resolveCell(cell: TableCell, keep: boolean): TableCell {
	return { ...cell, blocks: resolveRevisions(cell.blocks, keep) };
}

/**
 * The blocks with their pending suggestions kept (as revision runs) or resolved to the owners'
 * text: insertions dropped, deletions kept as plain text. A block a suggestion inserted whole
 * (its text all insertion) goes with it.
 */
export function resolveRevisions(blocks: readonly Block[], keep: boolean): Block[] {
	const out: Block[] = [];
	for (const block of blocks) {
		switch (block.type) {
			case 'paragraph':
			case 'subheading': {
				const inlines = resolveInlines(block.inlines, keep);
				if (inlines.length > 0) out.push({ ...block, inlines });
				break;
			}
			case 'list': {
				const items = block.items
					.map((item) => resolveRevisions(item, keep))
					.filter((item) => item.length > 0);
				if (items.length > 0) out.push({ ...block, items });
				break;
			}
			case 'quote': {
				const children = resolveRevisions(block.children, keep);
				if (children.length > 0) out.push({ ...block, children });
				break;
			}
			case 'table':
				out.push({
					...block,
					rows: block.rows.map((row) => row.map((cell) => resolveCell(cell, keep))),
					...(block.footer && { footer: block.footer.map((cell) => resolveCell(cell, keep)) })
				});
				break;
			default:
				out.push(block);
		}
	}
	return out;
}

/** How many pending suggestions the blocks carry: distinct (kind, id) pairs, as the editor lists them. */
export function countRevisions(blocks: readonly Block[]): number {
	const seen = new Set<string>();
	const walkInlines = (inlines: readonly Inline[]) => {
		for (const inline of inlines)
			if (!('break' in inline) && inline.revision)
				seen.add(`${inline.revision.kind}:${inline.revision.id}`);
	};
	const walk = (block: Block) => {
		switch (block.type) {
			case 'paragraph':
			case 'subheading':
				walkInlines(block.inlines);
				break;
			case 'list':
				block.items.forEach((item) => item.forEach(walk));
				break;
			case 'quote':
				block.children.forEach(walk);
				break;
			case 'table':
				for (const row of [...block.rows, ...(block.footer ? [block.footer] : [])])
					for (const cell of row) cell.blocks.forEach(walk);
		}
	};
	blocks.forEach(walk);
	return seen.size;
}

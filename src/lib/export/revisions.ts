/**
 * Pending suggestions (修订) in the export model. The editor stores them as the marks of
 * `@handlewithcare/prosemirror-suggest-changes` (`insertion` / `deletion`, attrs `{ id }`), which
 * y-prosemirror writes as Y.XmlText formatting attributes; the id names the proposer and the time
 * (src/lib/suggestions/ids.ts). Reading the prose keeps the id's author as numbers; the renderer
 * names the people (`resolveRevisions` with the instance's users), so the model stays plain data.
 *
 * Exports show the draft as its owners wrote it unless the reader asks to keep the revisions (DOCX
 * only): pending insertions are left out, pending deletions stay as ordinary text.
 */
import { parseSuggestionId, type SuggestionAuthor } from '../suggestions/ids.ts';
import { resolveStructure } from './structure-revisions.ts';
import type { Block, Inline, InlineText, TableCell } from './types.ts';
import { resolveFormat, resolveStyle } from './format-revisions.ts';

export type RevisionKind = 'insert' | 'delete';

/** A pending suggestion on a run of text, as the export model carries it. */
export interface InlineRevision {
	kind: RevisionKind;
	id: string;
	/** Who and when, from the id; null for an id Lantu did not write. */
	by: SuggestionAuthor | null;
	/** The proposer's name, filled in by `resolveRevisions` ('' when unknown). */
	author: string;
	/** ISO time of the proposal, when the id records one. */
	date?: string;
}

/** The instance's people by user id, to name a suggestion's author. */
export type People = Readonly<Record<number, { name: string; organization: string }>>;

function markId(value: unknown): string | null {
	const id = (value as { id?: unknown } | null | undefined)?.id;
	return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
}

/** The revision a run's Yjs formatting attributes describe, if it is a pending suggestion. */
export function revisionOf(attributes: Record<string, unknown> | undefined): InlineRevision | null {
	if (!attributes) return null;
	const kind: RevisionKind | null =
		'insertion' in attributes ? 'insert' : 'deletion' in attributes ? 'delete' : null;
	if (!kind) return null;
	const raw = (kind === 'insert' ? attributes.insertion : attributes.deletion) as
		{ id?: unknown } | undefined;
	const id = markId(raw);
	if (id === null) return null;
	const by = parseSuggestionId(raw?.id);
	const revision: InlineRevision = { kind, id, by, author: by?.name ?? '' };
	if (by && Number.isFinite(by.at) && by.at > 0) revision.date = new Date(by.at).toISOString();
	return revision;
}

function named(revision: InlineRevision, people: People): InlineRevision {
	const person = revision.by && revision.by.userId > 0 ? people[revision.by.userId] : undefined;
	return person ? { ...revision, author: person.name } : revision;
}

function resolveInlines(inlines: readonly Inline[], keep: boolean, people: People): Inline[] {
	const out: Inline[] = [];
	for (const raw of inlines) {
		const inline = 'break' in raw ? raw : resolveFormat(raw, keep, people);
		if ('break' in inline || !inline.revision) {
			out.push(inline);
			continue;
		}
		if (keep) out.push({ ...inline, revision: named(inline.revision, people) });
		else if (inline.revision.kind === 'delete') {
			const plain: InlineText = { ...inline };
			delete plain.revision;
			out.push(plain);
		}
	}
	return out;
}

function resolveCell(cell: TableCell, keep: boolean, people: People): TableCell {
	return { ...cell, blocks: resolveRevisions(cell.blocks, keep, people) };
}

/**
 * The blocks with their pending suggestions kept (as revision runs, their authors named from
 * `people`) or resolved to the owners'
 * text: insertions dropped, deletions kept as plain text. A block a suggestion inserted whole
 * (its text all insertion) goes with it.
 */
export function resolveRevisions(
	blocks: readonly Block[],
	keep: boolean,
	people: People = {}
): Block[] {
	const out: Block[] = [];
	// Suggested rows, columns, lists and pictures first (structure-revisions.ts).
	for (const block of resolveStructure(blocks, keep, people)) {
		switch (block.type) {
			case 'paragraph':
			case 'subheading': {
				const inlines = resolveInlines(block.inlines, keep, people);
				if (inlines.length > 0) out.push(resolveStyle({ ...block, inlines }, keep, people));
				break;
			}
			case 'list': {
				const items = block.items
					.map((item) => resolveRevisions(item, keep, people))
					.filter((item) => item.length > 0);
				if (items.length > 0) out.push({ ...block, items });
				break;
			}
			case 'quote': {
				const children = resolveRevisions(block.children, keep, people);
				if (children.length > 0) out.push({ ...block, children });
				break;
			}
			case 'table':
				out.push({
					...block,
					rows: block.rows.map((row) => row.map((cell) => resolveCell(cell, keep, people))),
					...(block.footer && {
						footer: block.footer.map((cell) => resolveCell(cell, keep, people))
					})
				});
				break;
			default:
				out.push(block);
		}
	}
	return out;
}

/**
 * Structural suggestions (修订 of rows, columns, lists and pictures; suggestions/structure.ts) in
 * the export model. y-prosemirror stores them as the node's `suggestion` attribute,
 * `"<kind> <id>"`; reading the prose puts them on the table row, cell, list or image
 * (`structureRevision`), and `resolveStructure` keeps them (保留修订: named, for the DOCX's
 * w:ins / w:del) or resolves them to the owners' text as every export shows it — suggested rows,
 * columns and pictures left out, those suggested for deletion kept, a suggested list lifted back
 * into its paragraphs. One level of blocks: revisions.ts's `resolveRevisions` calls it at each.
 */
import { parseSuggestionId } from '../suggestions/ids.ts';
import type { InlineRevision, People } from './revisions.ts';
import type { Block, TableBlock, TableCell } from './types.ts';

/** The revision of a node's `suggestion` attribute (a list wrap counts as an insertion). */
export function structureRevision(value: unknown): (InlineRevision & { wrap?: true }) | null {
	if (typeof value !== 'string') return null;
	const space = value.indexOf(' ');
	const kind = value.slice(0, space);
	const id = value.slice(space + 1);
	if (space <= 0 || !id || id.length > 400) return null;
	if (kind !== 'insert' && kind !== 'delete' && kind !== 'wrap') return null;
	const by = parseSuggestionId(id);
	const revision: InlineRevision & { wrap?: true } = {
		kind: kind === 'delete' ? 'delete' : 'insert',
		id,
		by,
		author: by?.name ?? ''
	};
	if (kind === 'wrap') revision.wrap = true;
	if (by && Number.isFinite(by.at) && by.at > 0) revision.date = new Date(by.at).toISOString();
	return revision;
}

function named(revision: InlineRevision, people: People): InlineRevision {
	const person = revision.by && revision.by.userId > 0 ? people[revision.by.userId] : undefined;
	return person ? { ...revision, author: person.name } : revision;
}

function withoutRevision<T extends { revision?: InlineRevision }>(value: T): T {
	const copy = { ...value };
	delete copy.revision;
	return copy;
}

function resolveCells(cells: readonly TableCell[], keep: boolean, people: People): TableCell[] {
	return cells.flatMap((cell) => {
		if (!cell.revision) return [cell];
		if (keep) return [{ ...cell, revision: named(cell.revision, people) }];
		return cell.revision.kind === 'insert' ? [] : [withoutRevision(cell)];
	});
}

function resolveTable(block: TableBlock, keep: boolean, people: People): TableBlock | null {
	const rows: TableCell[][] = [];
	const revisions: (InlineRevision | null)[] = [];
	block.rows.forEach((row, index) => {
		const revision = block.rowRevisions?.[index] ?? null;
		if (!keep && revision?.kind === 'insert') return;
		const cells = resolveCells(row, keep, people);
		if (cells.length === 0) return;
		rows.push(cells);
		revisions.push(keep && revision ? named(revision, people) : null);
	});
	if (rows.length === 0 && block.header.length === 0) return null;
	const out: TableBlock = { ...block, rows };
	delete out.rowRevisions;
	if (revisions.some(Boolean)) out.rowRevisions = revisions;
	return out;
}

/** One level of blocks with their structural suggestions kept (named) or resolved. */
export function resolveStructure(blocks: readonly Block[], keep: boolean, people: People): Block[] {
	const out: Block[] = [];
	for (const block of blocks) {
		if (block.type === 'list' && block.wrapped) {
			if (keep) out.push({ ...block, wrapped: named(block.wrapped, people) });
			else out.push(...block.items.flat());
		} else if (block.type === 'table') {
			const table = resolveTable(block, keep, people);
			if (table) out.push(table);
		} else if (block.type === 'image' && block.revision) {
			if (keep) out.push({ ...block, revision: named(block.revision, people) });
			else if (block.revision.kind === 'delete') out.push(withoutRevision(block));
		} else out.push(block);
	}
	return out;
}

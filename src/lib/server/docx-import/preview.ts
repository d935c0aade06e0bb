/**
 * What an uploaded file holds, before anything lands: its outline, how many paragraphs, lists and
 * tables, the Word revisions by author and the comments — what the import page shows so the
 * importer can check it is the right file.
 */
import type { ParsedDocx, PMNode } from './parse.ts';

export interface ImportPreview {
	headings: { level: number; text: string }[];
	paragraphs: number;
	lists: number;
	tables: number;
	/** Cells spanning more than one row or column. */
	mergedCells: number;
	revisions: { author: string; insertions: number; deletions: number; formats: number }[];
	comments: { author: string; text: string }[];
	/** The first paragraphs' text, to recognise the file. */
	excerpt: string[];
}

const EXCERPT_PARAGRAPHS = 3;
const EXCERPT_CHARS = 200;

function textOf(node: PMNode): string {
	if (node.type === 'text') return node.text ?? '';
	return (node.content ?? []).map(textOf).join('');
}

export function importPreview(parsed: ParsedDocx): ImportPreview {
	const preview: ImportPreview = {
		headings: parsed.headings.slice(0, 200),
		paragraphs: 0,
		lists: 0,
		tables: 0,
		mergedCells: 0,
		revisions: [],
		comments: parsed.comments
			.slice(0, 50)
			.map((c) => ({ author: c.author, text: c.text.slice(0, 200) })),
		excerpt: []
	};
	const walk = (node: PMNode) => {
		if (node.type === 'paragraph') {
			preview.paragraphs++;
			const text = textOf(node).trim();
			if (text && preview.excerpt.length < EXCERPT_PARAGRAPHS)
				preview.excerpt.push(text.slice(0, EXCERPT_CHARS));
		}
		if (node.type === 'bullet_list' || node.type === 'ordered_list') preview.lists++;
		if (node.type === 'table') preview.tables++;
		if (
			node.type === 'table_cell' &&
			((node.attrs?.colspan as number) > 1 || (node.attrs?.rowspan as number) > 1)
		)
			preview.mergedCells++;
		node.content?.forEach(walk);
	};
	parsed.blocks.forEach(walk);
	const byAuthor = new Map<
		string,
		{ author: string; insertions: number; deletions: number; formats: number }
	>();
	for (const revision of parsed.revisions.values()) {
		const entry = byAuthor.get(revision.author) ?? {
			author: revision.author,
			insertions: 0,
			deletions: 0,
			formats: 0
		};
		if (revision.kind === 'insert') entry.insertions++;
		else if (revision.kind === 'delete') entry.deletions++;
		else entry.formats++;
		byAuthor.set(revision.author, entry);
	}
	preview.revisions = [...byAuthor.values()];
	return preview;
}

/**
 * The pending suggestions of a ProseMirror document, grouped by id in reading order: what the
 * section page's side list shows (section-suggestions.svelte.ts) and what an accept or reject acts on.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { changeOf, describeFormat } from './format.ts';
import { FORMAT_CHANGE } from './format-mark.ts';
import { parseSuggestionId, type SuggestionAuthor } from './ids.ts';
import { describeStructure, structureOf } from './structure.ts';

export interface SuggestionView {
	id: string;
	fragment: string;
	author: SuggestionAuthor | null;
	inserted: string;
	deleted: string;
	/** A format or paragraph-style change: what it did (格式：加粗), and the words it concerns. */
	format?: { change: string; words: string };
	/** A structural suggestion (structure.ts): shown as `format` is, decided by decideStructure. */
	structure?: boolean;
}

/** Pending suggestions of one document, in reading order, grouped by id. */
export function suggestionsIn(doc: PMNode, fragment: string): SuggestionView[] {
	const byId = new Map<string, SuggestionView>();
	doc.descendants((node, _pos, parent) => {
		const structure = structureOf(node);
		if (structure) {
			// A column's cells share one id: one entry, its words those of every cell.
			const entry = byId.get(structure.id) ?? {
				id: structure.id,
				fragment,
				author: parseSuggestionId(structure.id),
				inserted: '',
				deleted: '',
				structure: true,
				format: { change: describeStructure(node, structure.kind), words: '' }
			};
			if (entry.format)
				entry.format.words = `${entry.format.words} ${wordsOf(node)}`.trim().slice(0, 200);
			byId.set(structure.id, entry);
		}
		if (!node.isText) return true;
		for (const mark of node.marks) {
			if (mark.type.name === FORMAT_CHANGE) {
				const id = String(mark.attrs.id);
				const change = changeOf(mark);
				const entry = byId.get(id) ?? {
					id,
					fragment,
					author: parseSuggestionId(mark.attrs.id),
					inserted: '',
					deleted: '',
					format: { change: change ? describeFormat(change, parent ?? undefined) : '', words: '' }
				};
				if (entry.format) entry.format.words += (node.text ?? '').replace(/\u200B/g, '');
				byId.set(id, entry);
				continue;
			}
			if (mark.type.name !== 'insertion' && mark.type.name !== 'deletion') continue;
			const id = String(mark.attrs.id);
			const entry = byId.get(id) ?? {
				id,
				fragment,
				author: parseSuggestionId(mark.attrs.id),
				inserted: '',
				deleted: ''
			};
			const text = (node.text ?? '').replace(/\u200B/g, '');
			if (mark.type.name === 'insertion') entry.inserted += text;
			else entry.deleted += text;
			byId.set(id, entry);
		}
		return false;
	});
	return [...byId.values()];
}

/** The words of a structural suggestion's node (a picture's caption), for the side list. */
function wordsOf(node: PMNode): string {
	if (node.type.name === 'figure') return String(node.attrs.caption ?? '');
	return node
		.textBetween(0, node.content.size, ' ', ' ')
		.replace(/\u200B/g, '')
		.trim();
}

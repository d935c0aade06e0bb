/**
 * The text a section would have if every pending suggestion were rejected — its "base" — and the
 * suggestions a document holds. Isomorphic: the collaboration server compares the base before and
 * after a suggest-only connection's update (server/collab/suggest-guard.ts), the page lists the
 * suggestions (list.ts).
 *
 * The base is the suggested format changes undone (format.ts), the structural suggestions
 * rejected (structure.ts: suggested rows, columns and pictures removed, lists lifted back into
 * paragraphs, deletions kept), then the suggest-changes library's
 * own `revertSuggestions` (insertions removed with the
 * zero-width anchors it adds at paragraph boundaries, deletion marks dropped), then compared as
 * canonical JSON without zero-width spaces: the library anchors a deletion at a block boundary
 * with one, and rejecting leaves it in place, invisible.
 */
import { revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { schema } from '../editor/schema.ts';
import { rejectAllFormats } from './format.ts';
import { FORMAT_CHANGE } from './format-mark.ts';
import { parseSuggestionId } from './ids.ts';
import { rejectAllStructure, structureOf } from './structure.ts';

export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification', FORMAT_CHANGE] as const;
export type SuggestionKind = (typeof SUGGESTION_MARKS)[number];

const ZWSP = /\u200B/g;

/**
 * The document with every suggestion rejected (format changes first: they move no position; then
 * structure, whose removed rows take their inline suggestions with them).
 */
export function rejectAll(doc: PMNode): PMNode {
	const state = EditorState.create({ schema, doc: rejectAllStructure(rejectAllFormats(doc)) });
	let result = state.doc;
	revertSuggestions(state, (tr) => {
		result = tr.doc;
	});
	return result;
}

type Json = { type: string; text?: string; marks?: unknown[]; attrs?: unknown; content?: Json[] };

function canonical(node: Json): Json | null {
	if (node.type === 'text') {
		const text = (node.text ?? '').replace(ZWSP, '');
		return text ? { ...node, text } : null;
	}
	if (!node.content) return node;
	const content: Json[] = [];
	for (const child of node.content) {
		const c = canonical(child);
		if (!c) continue;
		const last = content.at(-1);
		// Text split only by a removed zero-width space is one text again.
		if (
			last?.type === 'text' &&
			c.type === 'text' &&
			JSON.stringify(last.marks ?? []) === JSON.stringify(c.marks ?? [])
		) {
			content[content.length - 1] = { ...last, text: (last.text ?? '') + (c.text ?? '') };
		} else content.push(c);
	}
	return { ...node, content };
}

/** A comparable form of a document's base (the text every suggestion rejected). */
export function baseKey(doc: PMNode): string {
	return JSON.stringify(canonical(rejectAll(doc).toJSON() as Json));
}

/** The ids of the suggestions in a document (inline and block marks, structural attributes). */
export function suggestionIdsIn(doc: PMNode): Set<unknown> {
	const ids = new Set<unknown>();
	doc.descendants((node) => {
		const structure = structureOf(node);
		if (structure) ids.add(structure.id);
		for (const mark of node.marks) {
			if ((SUGGESTION_MARKS as readonly string[]).includes(mark.type.name)) ids.add(mark.attrs.id);
		}
		return true;
	});
	return ids;
}

/**
 * Another author's suggestion that a change takes out of the document (its words gone, or kept
 * as plain text), or null. Deciding on a suggestion is the owners' right: a suggester may only
 * withdraw their own (the collaboration server's suggest guard refuses the rest, and the editor
 * keeps such a change back before it is sent).
 */
export function otherAuthorsTakenOut(before: PMNode, after: PMNode, userId: number): unknown {
	const left = suggestionIdsIn(after);
	for (const id of suggestionIdsIn(before))
		if (!left.has(id) && parseSuggestionId(id)?.userId !== userId) return id;
	return null;
}

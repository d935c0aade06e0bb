/** Which suggestion the caret stands in: what the card under an editor offers to decide. */
import type { EditorState } from 'prosemirror-state';
import { FORMAT_CHANGE } from './format-mark.ts';
import { structureOf } from './structure.ts';

const MARK_KINDS = new Set(['insertion', 'deletion', FORMAT_CHANGE]);

/**
 * The id of the suggestion at an empty selection: a suggestion mark on the text just before or after
 * the caret, else a suggested structure (table, list) around it.
 */
export function suggestionAtCaret(state: EditorState): string | null {
	const caret = state.selection.$from;
	for (const node of [caret.nodeBefore, caret.nodeAfter]) {
		const mark = node?.marks.find((m) => MARK_KINDS.has(m.type.name));
		if (mark) return String(mark.attrs.id);
	}
	for (let depth = caret.depth; depth > 0; depth--) {
		const structure = structureOf(caret.node(depth));
		if (structure) return structure.id;
	}
	return null;
}

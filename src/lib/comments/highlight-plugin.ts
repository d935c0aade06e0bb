/**
 * Comment highlights in a ProseMirror editor. The anchors are Yjs relative positions, so the
 * decorations are rebuilt from them whenever Yjs changed the document (a remote edit, the first
 * render) or the list of threads changed, and mapped through local transactions in between — the
 * same rhythm as y-prosemirror's cursor plugin. Also reports the editor's selection, for the
 * "comment on this" affordance, and clicks on a highlight.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { compositionHeld } from '../editor/composition.ts';
import { resolveTextAnchor, type ProsemirrorMapping } from './anchor.ts';

export interface HighlightAnchor {
	id: number;
	start: string;
	end: string;
	active: boolean;
}

export interface HighlightSource {
	anchorsFor(fragment: string): HighlightAnchor[];
	onSelection(fragment: string, view: EditorView): void;
	/** The editor lost focus (the selection button goes away unless it was what got clicked). */
	onBlur(view: EditorView): void;
	onHighlightClick(threadId: number): void;
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights');

interface Binding {
	type: Y.XmlFragment;
	mapping: ProsemirrorMapping;
}

function build(state: EditorState, source: HighlightSource, fragment: string): DecorationSet {
	const binding = (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding;
	if (!binding) return DecorationSet.empty;
	const decorations: Decoration[] = [];
	for (const anchor of source.anchorsFor(fragment)) {
		const range = resolveTextAnchor(binding.type, binding.mapping, anchor);
		if (!range || range.to > state.doc.content.size) continue;
		decorations.push(
			Decoration.inline(range.from, range.to, {
				class: anchor.active ? 'comment-highlight is-active' : 'comment-highlight',
				'data-thread': String(anchor.id)
			})
		);
	}
	return DecorationSet.create(state.doc, decorations);
}

/** Asks an editor to rebuild its highlights (the threads changed). */
export function refreshHighlights(view: EditorView): void {
	view.dispatch(view.state.tr.setMeta(commentHighlightsKey, 'refresh'));
}

export function commentHighlights(source: HighlightSource, fragment: string): Plugin {
	return new Plugin<DecorationSet>({
		key: commentHighlightsKey,
		state: {
			init: () => DecorationSet.empty,
			apply(tr, set, _old, state) {
				const ystate = ySyncPluginKey.getState(state) as { isChangeOrigin?: boolean } | undefined;
				// (Not while an IME composition holds y-prosemirror's mapping stale: composition.ts.)
				if (
					(tr.getMeta(commentHighlightsKey) || ystate?.isChangeOrigin) &&
					!compositionHeld(state)
				) {
					return build(state, source, fragment);
				}
				return set.map(tr.mapping, tr.doc);
			}
		},
		props: {
			decorations: (state) => commentHighlightsKey.getState(state),
			handleDOMEvents: {
				blur(view) {
					source.onBlur(view);
					return false;
				}
			},
			handleClick(_view, _pos, event) {
				const target = (event.target as HTMLElement | null)?.closest?.('[data-thread]');
				const id = Number(target?.getAttribute('data-thread'));
				if (id) source.onHighlightClick(id);
				return false;
			}
		},
		view() {
			return {
				update(view, previous) {
					// Only the user's own selecting counts: a remote edit changes the document and maps
					// the selection along, which must not bring back a dismissed "comment" button.
					const { selection } = view.state;
					const selected = !previous.selection.eq(selection) && previous.doc.eq(view.state.doc);
					if (selected || selection.empty) source.onSelection(fragment, view);
				}
			};
		}
	});
}

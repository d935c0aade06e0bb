/**
 * The editor's plugins (browser side): Yjs sync, remote cursors and per-user undo from y-prosemirror
 * (guarded against IME compositions, composition.ts),
 * keymaps, input rules, tables, and the Word paste cleaner.
 */
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import {
	InputRule,
	inputRules,
	textblockTypeInputRule,
	wrappingInputRule
} from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import { Plugin, TextSelection, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { columnResizing, goToNextCell, tableEditing } from 'prosemirror-tables';
import { redoCommand, undoCommand, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import {
	inAnchorOnlyListItem,
	refuseWhileSuggesting,
	refusedWhileSuggesting
} from '../suggestions/editor.ts';
import { toggleBold, toggleItalic, toggleUnderline } from './commands.ts';
import { guardComposition } from './composition.ts';
import { cleanPastedHtml, cleanPastedSlice } from './paste.ts';
import { schema } from './schema.ts';

function rules() {
	const { heading, bullet_list, ordered_list, blockquote } = schema.nodes;
	return inputRules({
		rules: [
			textblockTypeInputRule(/^(#{1,4})\s$/, heading, (match) => ({ level: match[1].length })),
			wrappingInputRule(/^\s*([-+*•])\s$/, bullet_list),
			wrappingInputRule(
				/^(\d+)[.、]\s$/,
				ordered_list,
				(match) => ({ order: Number(match[1]) }),
				(match, node) => node.childCount + (node.attrs.order as number) === Number(match[1])
			),
			wrappingInputRule(/^\s*>\s$/, blockquote),
			// Chinese typing: two ASCII dashes become an em dash pair as in 2026——2030
			new InputRule(/--$/, '——')
		]
	});
}

/**
 * Enter in a list item: splits it, or in an empty item takes it out of the list (the base
 * keymap). While suggesting, an item that only holds a suggested break's anchor counts as empty:
 * leaving the list has no suggestion, so it is refused and said, as for an empty item.
 */
export const listEnter: Command = chainCommands(
	refuseWhileSuggesting(inAnchorOnlyListItem, 'list-item'),
	splitListItem(schema.nodes.list_item)
);

function keys(): Plugin[] {
	const { list_item, hard_break } = schema.nodes;
	// A list item's level: Tab / Shift-Tab (as in Word; in a table they move between cells) and
	// Ctrl-] / Ctrl-[. Not a suggestion: refused with a message while 修订 is on.
	const sink = refusedWhileSuggesting(sinkListItem(list_item), 'list-level');
	const lift = refusedWhileSuggesting(liftListItem(list_item), 'list-level');
	const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
		dispatch?.(state.tr.replaceSelectionWith(hard_break.create()).scrollIntoView());
		return true;
	});
	return [
		keymap({
			'Mod-z': undoCommand,
			'Mod-y': redoCommand,
			'Shift-Mod-z': redoCommand,
			'Mod-b': toggleBold,
			'Mod-i': toggleItalic,
			'Mod-u': toggleUnderline,
			'Shift-Enter': hardBreak,
			Enter: listEnter,
			'Mod-[': lift,
			'Mod-]': sink,
			Tab: chainCommands(goToNextCell(1), sink),
			'Shift-Tab': chainCommands(goToNextCell(-1), lift)
		}),
		keymap(baseKeymap)
	];
}

/** Keys whose command acts on the selection at once (a caret the browser moved just before). */
const SELECTION_KEYS = new Set(['Enter', 'Backspace', 'Delete', 'Tab']);

/** The browser's text selection inside the editor as ProseMirror positions, or null. */
function domSelection(view: EditorView): { anchor: number; head: number } | null {
	const selection = (view.root as Document).getSelection?.();
	const { anchorNode, focusNode } = selection ?? {};
	if (!selection || !anchorNode || !focusNode) return null;
	if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return null;
	try {
		return {
			anchor: view.posAtDOM(anchorNode, selection.anchorOffset),
			head: view.posAtDOM(focusNode, selection.focusOffset)
		};
	} catch {
		return null;
	}
}

/**
 * Makes ProseMirror's selection the one the browser shows, before a key or a toolbar command acts
 * on it. ProseMirror learns of a caret the browser moved (Ctrl+End, End, a click) from the
 * `selectionchange` event, which a busy browser may deliver after the next key: Ctrl+End then
 * Enter split the list item the caret had been in, not the section's last paragraph (seen in CI
 * under load, suggest-structure.spec). Text selections only: node, cell and gap-cursor
 * selections are ProseMirror's own and the browser shows none of them as such.
 */
export function takeShownSelection(view: EditorView): void {
	const current = view.state.selection;
	if (view.composing || !(current instanceof TextSelection) || !view.hasFocus()) return;
	const shown = domSelection(view);
	if (!shown || (shown.anchor === current.anchor && shown.head === current.head)) return;
	const { doc } = view.state;
	const $anchor = doc.resolve(shown.anchor);
	const $head = doc.resolve(shown.head);
	if (!$anchor.parent.inlineContent || !$head.parent.inlineContent) return;
	view.dispatch(view.state.tr.setSelection(TextSelection.between($anchor, $head)));
}

/** Before Enter, Backspace, Delete or Tab, the selection shown is the one used (takeShownSelection). */
function selectionBeforeKeys(): Plugin {
	return new Plugin({
		props: {
			handleKeyDown(view, event) {
				if (SELECTION_KEYS.has(event.key) && !event.isComposing) takeShownSelection(view);
				return false;
			}
		}
	});
}

/** A placeholder shown while the document is empty (a decoration-free class on the editor). */
function placeholder(text: () => string): Plugin {
	return new Plugin({
		props: {
			attributes: (state): Record<string, string> => {
				const empty = state.doc.childCount === 1 && state.doc.firstChild?.content.size === 0;
				return empty
					? { 'data-placeholder': text(), class: 'is-empty' }
					: { 'data-placeholder': text() };
			}
		}
	});
}

export function editorPlugins(options: {
	fragment: Y.XmlFragment;
	awareness: Awareness | null;
	/** Read on every render, so it can follow the editor's state (writable or read-only). */
	placeholderText: () => string;
}): Plugin[] {
	// All editors of a section share the awareness `cursor` field (y-prosemirror draws only that
	// field); a position is drawn only by the editor whose fragment it belongs to.
	// Guarded so an IME composition is never written half-done nor broken by remote edits.
	const plugins: Plugin[] = guardComposition({
		sync: ySyncPlugin(options.fragment),
		cursor: options.awareness ? yCursorPlugin(options.awareness) : null,
		undo: yUndoPlugin()
	});
	plugins.push(
		selectionBeforeKeys(),
		rules(),
		...keys(),
		columnResizing(),
		tableEditing(),
		dropCursor(),
		gapCursor(),
		placeholder(options.placeholderText),
		new Plugin({
			props: { transformPastedHTML: cleanPastedHtml, transformPasted: cleanPastedSlice }
		})
	);
	return plugins;
}

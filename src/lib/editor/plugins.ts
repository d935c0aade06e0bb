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
import { Plugin, type Command } from 'prosemirror-state';
import { columnResizing, goToNextCell, tableEditing } from 'prosemirror-tables';
import { redoCommand, undoCommand, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { toggleBold, toggleItalic, toggleUnderline } from './commands.ts';
import { guardComposition } from './composition.ts';
import { cleanPastedHtml } from './paste.ts';
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

function keys(): Plugin[] {
	const { list_item, hard_break } = schema.nodes;
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
			Enter: splitListItem(list_item),
			'Mod-[': liftListItem(list_item),
			'Mod-]': sinkListItem(list_item),
			Tab: goToNextCell(1),
			'Shift-Tab': goToNextCell(-1)
		}),
		keymap(baseKeymap)
	];
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
		rules(),
		...keys(),
		columnResizing(),
		tableEditing(),
		dropCursor(),
		gapCursor(),
		placeholder(options.placeholderText),
		new Plugin({ props: { transformPastedHTML: cleanPastedHtml } })
	);
	return plugins;
}

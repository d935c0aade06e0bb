/**
 * 修订 in the editor (browser side): the suggest-changes plugin, its transaction decorator with
 * Lantu's author ids, and Word's look — insertions underlined and deletions struck through in the
 * author's colour, with who and when on hover.
 *
 * Two adjustments to the library, both because of what travels through y-prosemirror 1.x:
 * - it syncs only inline marks, so a block-level suggestion mark (a whole inserted paragraph) is
 *   moved onto the block's text (an empty block gets a zero-width anchor, as the library does at
 *   paragraph boundaries);
 * - formatting (bold, italic, underline, link) and paragraph styles (正文 ↔ 标题, heading level)
 *   are tracked as Word tracks them — the words take the new format and carry what it was
 *   (format.ts) — instead of the library's "delete and insert again", and before it sees them;
 * - table rows and columns, a list wrap and pictures are structural suggestions, node attributes
 *   (structure.ts) made by the toolbar's own commands (structure-commands.ts), which pass the
 *   library by (`STRUCTURE_META`) but not the base check below;
 * - any other change the library cannot express as suggestions — a merged cell — would change the
 *   section's base, which the collaboration server refuses from a suggest-only connection by
 *   closing it. Such a transaction is dropped here, before it is sent, and `onRefused` tells the
 *   user (the same rule as the server's, base.ts) — as is, for a suggest-only editor, one that
 *   takes out another author's suggestion (deciding on it is the owners' right);
 * - a change of list level (Tab, Shift-Tab, Ctrl-[, Ctrl-]) has no suggestion of its own: its
 *   keys are refused while suggesting (`refusedWhileSuggesting`) with a message that says so.
 */
import {
	suggestChanges,
	suggestChangesKey,
	withSuggestChanges
} from '@handlewithcare/prosemirror-suggest-changes';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { Plugin, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { AddNodeMarkStep } from 'prosemirror-transform';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { schema } from '../editor/schema.ts';
import { baseKey, otherAuthorsTakenOut } from './base.ts';
import { changeOf, describeFormat, trackFormatting } from './format.ts';
import { FORMAT_CHANGE } from './format-mark.ts';
import { parseSuggestionId, suggestionId, type SuggestionAuthor } from './ids.ts';
import { describeStructure, structuresIn } from './structure.ts';
import { figureDeletion, STRUCTURE_META } from './structure-commands.ts';

export { suggestChangesKey };

const TRACKED = new Set(['insertion', 'deletion']);

/** How an author is shown: name, department, colour (the page knows the plan's members). */
export interface AuthorLook {
	name: string;
	organization: string;
	color: string;
}
export type DescribeAuthor = (author: SuggestionAuthor) => AuthorLook;

/** The plugins of an editor that shows suggestions (every editor: readers see them too). */
export function suggestionPlugins(
	describe: DescribeAuthor,
	when: (at: number) => string
): Plugin[] {
	return [suggestChanges(), authorColours(describe, when)];
}

export function isSuggesting(state: EditorState): boolean {
	return !!suggestChangesKey.getState(state)?.enabled;
}

/** Why the editor kept a change back while suggesting (the editor says it in words). */
export type RefusalReason = 'structure' | 'others' | 'list-level' | 'list-item';

/** The nesting depth of every list item, in reading order: a list's shape, without its text. */
function listShape(doc: PMNode): number[] {
	const depths: number[] = [];
	doc.descendants((node, pos) => {
		if (node.type === schema.nodes.list_item) depths.push(doc.resolve(pos).depth);
		return !node.isTextblock;
	});
	return depths;
}

/**
 * Why a change that would alter the section's base is kept back: an item taken out of its list
 * or joined to the one before (Enter in an empty item, Backspace at an item's start) says so in
 * its own words, since the user did not ask for a "structure" change but pressed a plain key.
 */
export function structureRefusal(before: PMNode, after: PMNode): RefusalReason {
	const was = listShape(before);
	const now = listShape(after);
	const same = was.length === now.length && was.every((depth, i) => depth === now[i]);
	return same ? 'structure' : 'list-item';
}

/** A transaction's meta asking only that the user be told why a command did nothing. */
const REFUSE_META = 'lantu-suggest-refused';

/**
 * `command` as it is while 修订 is off; while it is on, a command that would run is refused
 * instead: nothing changes and the editor says why (`onRefused`, suggestingDispatch).
 */
export function refusedWhileSuggesting(command: Command, why: RefusalReason): Command {
	return (state, dispatch, view) => {
		if (!isSuggesting(state)) return command(state, dispatch, view);
		if (!command(state)) return false;
		dispatch?.(state.tr.setMeta(REFUSE_META, why));
		return true;
	};
}

/**
 * While suggesting, a key whose change has no suggestion in the state `applies` to is refused
 * (nothing changes, the editor says why); otherwise the next command of the key runs.
 */
export function refuseWhileSuggesting(
	applies: (state: EditorState) => boolean,
	why: RefusalReason
): Command {
	return (state, dispatch) => {
		if (!isSuggesting(state) || !applies(state)) return false;
		dispatch?.(state.tr.setMeta(REFUSE_META, why));
		return true;
	};
}

/**
 * The caret is in a list item that holds only the zero-width anchor of a suggested paragraph
 * break: it looks empty, so Enter there is meant to leave the list — which has no suggestion —
 * rather than to split off yet another empty-looking item.
 */
export function inAnchorOnlyListItem(state: EditorState): boolean {
	const { $from, empty } = state.selection;
	if (!empty || $from.depth < 2 || $from.node(-1).type !== schema.nodes.list_item) return false;
	const text = $from.parent.textContent;
	return text.length > 0 && text.replace(/\u200B/g, '') === '';
}

/** A transaction that turns 修订 on or off (the owner's toggle; forced on for suggest-only). */
export function setSuggesting(state: EditorState, enabled: boolean): Transaction {
	return state.tr.setMeta(suggestChangesKey, { enabled });
}

/** Block-level suggestion marks become marks on the block's text (see the header). */
function inlineBlockMarks(tr: Transaction): void {
	if (!tr.steps.some((step) => step instanceof AddNodeMarkStep)) return;
	const found: { pos: number; mark: Mark }[] = [];
	tr.doc.descendants((node, pos) => {
		if (node.isInline) return false;
		for (const mark of node.marks) if (TRACKED.has(mark.type.name)) found.push({ pos, mark });
		return true;
	});
	for (const { pos, mark } of found.reverse()) {
		tr.removeNodeMark(pos, mark);
		const node = tr.doc.nodeAt(pos) as PMNode;
		if (node.isTextblock && node.content.size === 0) tr.insert(pos + 1, schema.text('\u200B'));
		const after = tr.doc.nodeAt(pos) as PMNode;
		tr.addMark(pos + 1, pos + after.nodeSize - 1, mark);
	}
}

/**
 * The editor's dispatch with 修订: while suggesting, the library rewrites each local transaction
 * into suggestions by `author()` (ids.ts); remote, undo and accept/reject transactions pass as
 * they are.
 */
export function suggestingDispatch(options: {
	dispatch: (this: EditorView, tr: Transaction) => void;
	author: () => Omit<SuggestionAuthor, 'at'>;
	/**
	 * A change kept back: it changes the base (`structure`), decides others' suggestions, or is a
	 * command refused while suggesting (refusedWhileSuggesting).
	 */
	onRefused: (why: RefusalReason) => void;
	/** Suggest-only (not an owner with 修订模式 on): may not take out others' suggestions. */
	suggestOnly?: () => boolean;
}): (this: EditorView, tr: Transaction) => void {
	const generateId = () => suggestionId({ ...options.author(), at: Date.now() });
	const local = (view: EditorView, tr: Transaction) =>
		tr.docChanged && isSuggesting(view.state) && !tr.getMeta('y-sync$')?.isChangeOrigin;
	const inner = function (this: EditorView, tr: Transaction) {
		if (local(this, tr)) {
			inlineBlockMarks(tr);
			const skip = 'skip' in (tr.getMeta(suggestChangesKey) ?? {}) && !tr.getMeta(STRUCTURE_META);
			const refused = skip
				? null
				: baseKey(this.state.doc) !== baseKey(tr.doc)
					? structureRefusal(this.state.doc, tr.doc)
					: options.suggestOnly?.() === true &&
						  otherAuthorsTakenOut(this.state.doc, tr.doc, options.author().userId) !== null
						? 'others'
						: null;
			if (refused) {
				options.onRefused(refused);
				return;
			}
		}
		options.dispatch.call(this, tr);
	};
	const library = withSuggestChanges(inner, generateId);
	return function (this: EditorView, tr: Transaction) {
		const refusal = tr.getMeta(REFUSE_META) as RefusalReason | undefined;
		if (refusal) {
			options.onRefused(refusal);
			return;
		}
		if (tr.getMeta(STRUCTURE_META)) {
			inner.call(this, tr);
			return;
		}
		const own =
			local(this, tr) &&
			!tr.getMeta('history$') &&
			!tr.getMeta('y-sync$')?.isUndoRedoOperation &&
			!('skip' in (tr.getMeta(suggestChangesKey) ?? {}));
		const author = { newId: generateId, userId: options.author().userId };
		const removed = own ? figureDeletion(this.state, tr, author) : null;
		if (removed) {
			inner.call(this, removed);
			return;
		}
		const formatted = own ? trackFormatting(this.state, tr, generateId()) : null;
		if (formatted) {
			inner.call(this, formatted);
			return;
		}
		try {
			library.call(this, tr);
		} catch (error) {
			// A change the library cannot write as suggestions (Backspace at a list item's start
			// joins two items: it would mark the item, which takes no marks). Nothing was
			// applied; kept back and said, as a change of the base is.
			// (prosemirror-transform exports TransformError at run time but not in its types.)
			if (!(error instanceof Error && error.name === 'TransformError')) throw error;
			options.onRefused(structureRefusal(this.state.doc, tr.doc));
		}
	};
}

/** Colour, author and time on every suggested range (the marks' own DOM has only the id). */
function authorColours(describe: DescribeAuthor, when: (at: number) => string): Plugin {
	function build(doc: PMNode): DecorationSet {
		const decorations: Decoration[] = [];
		doc.descendants((node, pos, parent) => {
			if (!node.isInline) return true;
			// Format changes of these words, in one decoration (inline decorations over the same
			// range merge their attributes, so two would show one title).
			const formats = node.marks.filter((m) => m.type.name === FORMAT_CHANGE);
			if (formats.length > 0) {
				const first = parseSuggestionId(formats[0].attrs.id);
				const firstLook = first ? describe(first) : null;
				const titles = formats.map((format) => {
					const change = changeOf(format);
					const author = parseSuggestionId(format.attrs.id);
					const look = author ? describe(author) : null;
					const kind = change ? describeFormat(change, parent ?? undefined) : '';
					return look && author
						? `${kind} · ${look.name}（${look.organization}）· ${when(author.at)}`
						: kind;
				});
				decorations.push(
					Decoration.inline(pos, pos + node.nodeSize, {
						class: 'suggestion-format',
						style: `--suggestion-color: ${firstLook?.color ?? '#64748b'}`,
						title: titles.join('\n'),
						'data-format-suggestion-id': String(formats[0].attrs.id)
					})
				);
			}
			const mark = node.marks.find((m) => TRACKED.has(m.type.name));
			if (!mark) return false;
			const author = parseSuggestionId(mark.attrs.id);
			const look = author ? describe(author) : null;
			const kind = mark.type.name === 'insertion' ? '插入' : '删除';
			decorations.push(
				Decoration.inline(pos, pos + node.nodeSize, {
					class: `suggestion suggestion-${mark.type.name}`,
					style: `--suggestion-color: ${look?.color ?? '#64748b'}`,
					title:
						look && author
							? `${kind} · ${look.name}（${look.organization}）· ${when(author.at)}`
							: kind,
					'data-suggestion-id': String(mark.attrs.id)
				})
			);
			return false;
		});
		for (const { pos, node, suggestion } of structuresIn(doc)) {
			const author = parseSuggestionId(suggestion.id);
			const look = author ? describe(author) : null;
			const kind = describeStructure(node, suggestion.kind);
			decorations.push(
				Decoration.node(pos, pos + node.nodeSize, {
					class: `suggestion-structure suggestion-structure-${suggestion.kind}`,
					style: `--suggestion-color: ${look?.color ?? '#64748b'}`,
					title:
						look && author
							? `${kind} · ${look.name}（${look.organization}）· ${when(author.at)}`
							: kind,
					'data-structure-suggestion-id': suggestion.id
				})
			);
		}
		return DecorationSet.create(doc, decorations);
	}
	return new Plugin({
		state: {
			init: (_, state) => build(state.doc),
			apply: (tr, value) => (tr.docChanged ? build(tr.doc) : value)
		},
		props: {
			decorations(state) {
				return this.getState(state);
			}
		}
	});
}

/**
 * IME composition and Yjs (issue 21). Almost every character Lantu's users type goes through an
 * input method, and y-prosemirror does two things that break it while a colleague edits the same
 * paragraph: it writes every intermediate state of the composition (z, zh, zhi…) to Yjs, and it
 * answers every remote change by re-rendering the document, which replaces the DOM text node the
 * input method is composing in — the pinyin then freezes as plain letters in the shared document.
 *
 * The guard wraps y-prosemirror's three plugins so that, from composition start to composition end,
 * the editor behaves like an offline editor for one word:
 * - local changes are not written to Yjs (the sync plugin's view update is held);
 * - remote changes are not rendered (the binding's Yjs observer is held; Yjs itself has them);
 * - nothing reads y-prosemirror's Yjs↔ProseMirror mapping, which is stale while either is held
 *   (remote cursors, the undo plugin's selection, the binding's pre-transaction selection).
 * At composition end the committed text is written once. If nothing arrived meanwhile, Yjs still
 * holds the document the composition started from and the ordinary sync writes exactly the committed
 * text. Otherwise the view is re-rendered from Yjs (everybody's changes) and the committed text is
 * inserted where the composition started — a Yjs relative position taken at composition start, so
 * it follows the colleagues' edits — as one ordinary, undoable edit. If that spot's paragraph was
 * removed (deleted or joined into another), the text goes where the paragraph's words now are, or,
 * failing that, is dropped: never pinyin.
 */
import { Fragment, Slice, type Node } from 'prosemirror-model';
import { Plugin, TextSelection, type EditorState, type PluginView } from 'prosemirror-state';
import type { DecorationSet, EditorView } from 'prosemirror-view';
import {
	absolutePositionToRelativePosition,
	relativePositionToAbsolutePosition,
	ySyncPluginKey
} from 'y-prosemirror';
import * as Y from 'yjs';

type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** The parts of y-prosemirror's ProsemirrorBinding the guard touches (it is plain JS). */
interface Binding {
	type: Y.XmlFragment;
	doc: Y.Doc;
	mapping: Mapping;
	_observeFunction: (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void;
	beforeAllTransactions: () => void;
	_forceRerender(): void;
}

/** Where and on what the composition started. */
interface Baseline {
	doc: Node;
	from: number;
	to: number;
	relFrom: Y.RelativePosition;
	relTo: Y.RelativePosition;
	/** The textblock's text before `from` and after `to` (inline leaves as U+FFFC), to find it again. */
	before: string;
	after: string;
}

const LEAF = '\ufffc';
const guards = new WeakMap<object, CompositionGuard>();

function bindingOf(state: EditorState): Binding | undefined {
	return (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding;
}

/** Whether this editor is holding a composition (its Yjs mapping is stale until it ends). */
export function compositionHeld(state: EditorState): boolean {
	const binding = bindingOf(state);
	return !!binding && guards.get(binding)?.holding === true;
}

/** The text nodes a composition put in place of [from, to], or null when it did something else. */
export function committedText(
	base: Pick<Baseline, 'doc' | 'from' | 'to'>,
	now: Node
): Fragment | null {
	const { doc, from, to } = base;
	if (now.eq(doc)) return Fragment.empty;
	const length = now.content.size - doc.content.size + (to - from);
	if (length < 0 || from + length > now.content.size) return null;
	const $start = now.resolve(from);
	const $end = now.resolve(from + length);
	if (!$start.sameParent($end) || !$start.parent.inlineContent) return null;
	const content = $start.parent.content.cut($start.parentOffset, $end.parentOffset);
	let textOnly = true;
	content.forEach((node) => {
		if (!node.isText) textOnly = false;
	});
	if (!textOnly) return null;
	try {
		return doc.replace(from, to, new Slice(content, 0, 0)).eq(now) ? content : null;
	} catch {
		return null;
	}
}

/** The position between `before` and `after` if exactly one textblock holds them together. */
export function findByContext(doc: Node, before: string, after: string): number | null {
	const needle = before + after;
	if (!needle) return null;
	let found: number | null = null;
	let count = 0;
	doc.descendants((node, pos) => {
		if (count > 1) return false;
		if (!node.isTextblock) return true;
		const text = node.textBetween(0, node.content.size, undefined, LEAF);
		for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
			count++;
			found = pos + 1 + at + before.length;
		}
		return false;
	});
	return count === 1 ? found : null;
}

/** Makes ProseMirror read DOM changes it has not yet seen (its DOMObserver is internal). */
function flushDom(view: EditorView) {
	(view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
}

/** Only Latin letters (and the apostrophe that separates pinyin syllables). */
function isLetters(text: Fragment): boolean {
	return /^[a-z' ]+$/i.test(text.textBetween(0, text.size));
}

/** Whether a relative position still points into the document (its type and parents not deleted). */
function isLive(doc: Y.Doc, root: Y.XmlFragment, relative: Y.RelativePosition): boolean {
	const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
	if (!absolute) return false;
	let type: Y.AbstractType<unknown> | null = absolute.type;
	while (type && type !== root) {
		const item: Y.Item | null = type._item;
		if (!item || item.deleted) return false;
		type = item.parent as Y.AbstractType<unknown> | null;
	}
	return type === root;
}

class CompositionGuard {
	view: EditorView | null = null;
	binding: Binding | null = null;
	/** The sync plugin's own view update (writes the ProseMirror document to Yjs). */
	sync: PluginView | null = null;
	holding = false;
	/** Yjs changed while holding (remote edits, or an undo). */
	remoteHeld = false;
	baseline: Baseline | null = null;
	timer: ReturnType<typeof setTimeout> | undefined;

	attach(view: EditorView, binding: Binding, sync: PluginView) {
		this.view = view;
		this.binding = binding;
		this.sync = sync;
		guards.set(binding, this);
		// The binding registered these in initView; swap in held versions (destroy() unregisters
		// whatever the fields hold, so it removes ours).
		const observe = binding._observeFunction;
		binding.type.unobserveDeep(observe);
		binding._observeFunction = (events, transaction) => {
			if (this.holding) {
				this.remoteHeld = true;
				return;
			}
			observe(events, transaction);
		};
		binding.type.observeDeep(binding._observeFunction);
		// It reads the selection through the mapping, which is stale while holding.
		const before = binding.beforeAllTransactions;
		binding.doc.off('beforeAllTransactions', before);
		binding.beforeAllTransactions = () => {
			if (!this.holding) before();
		};
		binding.doc.on('beforeAllTransactions', binding.beforeAllTransactions);
	}

	detach() {
		clearTimeout(this.timer);
		// The editor goes away with a composition ended but not yet written (navigation): write it if
		// Yjs still holds the baseline; re-rendering a view being destroyed is not worth the risk.
		if (this.holding && !this.remoteHeld && this.view && !this.view.composing) this.commit();
		this.holding = false;
		this.view = null;
	}

	/** Composition starts: everything before it is in Yjs, so this state is the baseline. */
	begin(state: EditorState) {
		const binding = this.binding;
		if (!binding || this.holding) return;
		const { from, to, $from, $to } = state.selection;
		const relFrom = absolutePositionToRelativePosition(from, binding.type, binding.mapping);
		const relTo =
			to === from ? relFrom : absolutePositionToRelativePosition(to, binding.type, binding.mapping);
		const parent = $from.parent;
		this.baseline = {
			doc: state.doc,
			from,
			to,
			relFrom,
			relTo,
			before: parent.inlineContent
				? parent.textBetween(0, $from.parentOffset, undefined, LEAF)
				: '',
			after:
				$to.parent === parent && parent.inlineContent
					? parent.textBetween($to.parentOffset, parent.content.size, undefined, LEAF)
					: ''
		};
		this.remoteHeld = false;
		this.holding = true;
	}

	/** compositionstart/compositionupdate, before ProseMirror's own handler. */
	onCompositionEvent(view: EditorView) {
		if (this.holding && !view.composing) this.commit(); // the previous word, not yet written
		if (this.holding) return;
		// Read any DOM change ProseMirror has not yet seen, so the baseline is what Yjs holds.
		flushDom(view);
		this.begin(view.state);
	}

	/**
	 * Focus leaves: commit now, before y-prosemirror's cursor plugin (whose focusout listener was
	 * added after ProseMirror's) reads the mapping. The browser ended the composition already.
	 */
	onFocusOut(view: EditorView) {
		if (!this.holding || view.composing) return;
		flushDom(view);
		this.commit();
	}

	/** After compositionend ProseMirror reads the final DOM in a microtask; commit after that. */
	scheduleCommit() {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.commit(), 0);
	}

	commit() {
		clearTimeout(this.timer);
		const { view, binding, baseline } = this;
		if (!this.holding || !view || !binding || view.composing) return;
		const remote = this.remoteHeld;
		const change = baseline ? committedText(baseline, view.state.doc) : null;
		// Nothing to add after re-rendering: cancelled (the document is as it was), or taken back.
		let nothing = !baseline || view.state.doc.eq(baseline.doc);
		this.holding = false;
		this.remoteHeld = false;
		this.baseline = null;
		if (baseline && change && !view.hasFocus() && isLetters(change)) {
			// Ended by focus leaving: the browser committed what the composition showed, which for a
			// pinyin input method is the letters, not a word the user chose. Take them back.
			if (!remote) {
				const original = baseline.doc.slice(baseline.from, baseline.to);
				const { from } = baseline;
				view.dispatch(view.state.tr.replace(from, from + change.size, original));
			}
			nothing = true;
		}
		if (!remote) {
			// Yjs still holds the baseline: the ordinary diff writes exactly the committed text.
			this.sync?.update?.(view, view.state);
			return;
		}
		// Show everybody's changes (the binding rebuilds its mapping), then add the committed text.
		binding._forceRerender();
		if (!baseline) return;
		const doc = view.state.doc;
		let from: number | null = null;
		let to: number | null = null;
		if (isLive(binding.doc, binding.type, baseline.relFrom)) {
			from = relativePositionToAbsolutePosition(
				binding.doc,
				binding.type,
				baseline.relFrom,
				binding.mapping
			);
			to =
				baseline.to > baseline.from && isLive(binding.doc, binding.type, baseline.relTo)
					? relativePositionToAbsolutePosition(
							binding.doc,
							binding.type,
							baseline.relTo,
							binding.mapping
						)
					: from;
		}
		if (from === null || from > doc.content.size || !doc.resolve(from).parent.inlineContent) {
			from = findByContext(doc, baseline.before, baseline.after);
			to = from;
		}
		// The paragraph is gone and its words are nowhere (or everywhere): the text goes with it.
		if (from === null) return;
		if (
			to === null ||
			to < from ||
			to > doc.content.size ||
			!doc.resolve(from).sameParent(doc.resolve(to))
		)
			to = from;
		if (nothing || !change) {
			// Nothing, or not text typed at the caret (a composition over a multi-paragraph selection, an Android
			// re-conversion of a word): rather than guess, the remote version stands.
			view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, from)));
			return;
		}
		// An ordinary local edit: the sync plugin writes it to Yjs and the undo manager records it.
		const tr = view.state.tr.replaceWith(from, to, change);
		tr.setSelection(TextSelection.create(tr.doc, from + change.size));
		view.dispatch(tr.scrollIntoView());
	}
}

/**
 * Wraps y-prosemirror's sync, cursor and undo plugins (created but not yet in an EditorState) so an
 * IME composition is neither written half-done nor broken by remote changes; returns the plugins
 * in order, with the guard's event handlers after the sync plugin.
 */
export function guardComposition(plugins: {
	sync: Plugin;
	cursor: Plugin | null;
	undo: Plugin;
}): Plugin[] {
	const guard = new CompositionGuard();
	const { sync, cursor, undo } = plugins;

	const syncView = sync.spec.view!;
	sync.spec.view = (view) => {
		const inner = syncView(view);
		const binding = bindingOf(view.state);
		if (binding) guard.attach(view, binding, inner);
		return {
			update(view, previous) {
				if (!guard.holding && view.composing) guard.begin(previous);
				if (guard.holding) {
					// Composition ended without a compositionend (ProseMirror cleared it): commit soon.
					if (!view.composing) guard.scheduleCommit();
					return;
				}
				inner.update?.(view, previous);
			},
			destroy() {
				guard.detach();
				inner.destroy?.();
			}
		};
	};

	const events = new Plugin({
		props: {
			handleDOMEvents: {
				compositionstart(view) {
					guard.onCompositionEvent(view);
					return false;
				},
				compositionupdate(view) {
					guard.onCompositionEvent(view);
					return false;
				},
				compositionend() {
					guard.scheduleCommit();
					return false;
				},
				focusout(view) {
					guard.onFocusOut(view);
					return false;
				}
			}
		}
	});

	if (cursor) {
		// Remote cursors are drawn through the stale mapping, and redrawing them next to the composing
		// text node can disturb it: keep them where they are until the composition ends.
		const field = cursor.spec.state!;
		const apply = field.apply;
		field.apply = function (tr, value, oldState, newState) {
			if (guard.holding) return (value as DecorationSet).map(tr.mapping, tr.doc);
			return apply.call(this, tr, value, oldState, newState);
		};
		const cursorView = cursor.spec.view!;
		cursor.spec.view = (view) => {
			const inner = cursorView(view);
			return {
				update(view, previous) {
					if (!guard.holding) inner.update?.(view, previous);
				},
				destroy() {
					inner.destroy?.();
				}
			};
		};
	}

	// The undo plugin remembers the selection before each transaction, read through the mapping.
	const undoField = undo.spec.state!;
	const undoApply = undoField.apply;
	undoField.apply = function (tr, value, oldState, newState) {
		if (guard.holding) return value;
		return undoApply.call(this, tr, value, oldState, newState);
	};

	return cursor ? [sync, events, cursor, undo] : [sync, events, undo];
}

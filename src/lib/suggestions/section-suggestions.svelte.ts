/**
 * A section's 修订 in the browser: who may do what (suggest-only, or writer with the toggle), the
 * editors of the section, and the side list of pending suggestions with accept and reject — one,
 * by author, by department, or all. Provided to the page's editors through context.
 *
 * Accepting or rejecting is an ordinary edit in the owner's own editor (the library's commands,
 * marked so they are not themselves turned into suggestions): y-prosemirror sends it, the server
 * stores it with the owner as its author, and history shows it as the owner's change.
 */
import {
	applySuggestion,
	revertSuggestion,
	suggestChangesKey
} from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { getContext, setContext } from 'svelte';
import type { SuggestionAuthor } from './ids.ts';
import { suggestionsIn, type SuggestionView } from './list.ts';

export type { SuggestionView };
import { userColor } from '../collab/colors.ts';
import { setSuggesting, type AuthorLook } from './editor.ts';
import { decideFormat } from './format.ts';
import { FORMAT_CHANGE } from './format-mark.ts';
import { decideStructure, structureOf } from './structure.ts';
import { suggestionAtCaret } from './at-caret.ts';

export interface Member {
	id: number;
	name: string;
	organization: string;
}

export type Mode = 'write' | 'suggest' | 'read';

export interface OpinionLink {
	suggestionId: string;
	threadId: number;
	roundId: number;
}

export class SectionSuggestions {
	/** The connection's scope as the page knows it (suggest: the server holds edits to marks). */
	mode = $state<Mode>('read');
	/** A writer's own 修订 toggle (always on for suggest-only). */
	suggesting = $state(false);
	/** Pending suggestions across the section's editors. */
	list = $state.raw<SuggestionView[]>([]);
	// Not state: the editors register themselves; `list` is what the page reacts to.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#views = new Map<string, EditorView>();
	#order: string[] = [];
	readonly #members: Map<number, Member>;
	/** The author of this browser's suggestions. */
	readonly me: { userId: number; organizationId: number };

	/**
	 * Suggestions applied from a consultation 修改建议: deciding one answers the opinion (the
	 * collaboration server sees the decision in the edit itself: opinion-decisions.ts).
	 */
	readonly links: ReadonlyMap<string, OpinionLink>;

	constructor(
		members: readonly Member[],
		me: { userId: number; organizationId: number },
		links: readonly OpinionLink[] = []
	) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- fixed for the page's life
		this.links = new Map(links.map((l) => [l.suggestionId, l]));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- fixed for the page's life
		this.#members = new Map(members.map((m) => [m.id, m]));
		this.me = me;
	}

	/** Name, department and colour of an author (an imported revision's name as written). */
	describe = (author: SuggestionAuthor): AuthorLook => {
		const member = this.#members.get(author.userId);
		return {
			name: member?.name ?? author.name ?? `#${author.userId}`,
			organization: member?.organization ?? '',
			color: author.userId > 0 ? userColor(author.userId) : '#64748b'
		};
	};

	get canDecide(): boolean {
		return this.mode === 'write';
	}

	get active(): boolean {
		return this.mode === 'suggest' || (this.mode === 'write' && this.suggesting);
	}

	register(fragment: string, view: EditorView): () => void {
		this.#views.set(fragment, view);
		if (!this.#order.includes(fragment)) this.#order.push(fragment);
		this.apply(view);
		this.refresh();
		return () => {
			if (this.#views.get(fragment) === view) this.#views.delete(fragment);
			this.refresh();
		};
	}

	/** Puts an editor into (or out of) 修订 as the mode says. */
	apply(view: EditorView): void {
		view.dispatch(setSuggesting(view.state, this.active));
	}

	setSuggesting(on: boolean): void {
		this.suggesting = on;
		for (const view of this.#views.values()) this.apply(view);
	}

	setMode(mode: Mode): void {
		if (mode === this.mode) return;
		this.mode = mode;
		for (const view of this.#views.values()) this.apply(view);
	}

	/** Ids of the suggestions under the latest non-empty selection (accept or reject by range). */
	inSelection = $state.raw<string[]>([]);

	/**
	 * The suggestion the caret stands in (an empty selection), and in which editor: the card under
	 * that editor offers to accept or reject it where it is — a tap on a phone, where the 修订 list
	 * is below the whole section.
	 */
	atCaret = $state.raw<{ fragment: string; id: string } | null>(null);

	/**
	 * Editors call it when their selection changed: what a range decision would act on, and the
	 * suggestion at the caret — not while the user types (`typed`), when the caret always stands in
	 * what they are writing and a card would only flicker.
	 */
	selectionChanged(view: EditorView, typed = false): void {
		const { from, to, empty } = view.state.selection;
		if (empty) {
			if (this.inSelection.length > 0 && view.hasFocus()) this.inSelection = [];
			// A colleague's change moves an unfocused editor's selection too: only the user's own
			// caret opens or closes the card (a tap on its buttons takes the focus away).
			if (!view.hasFocus()) return;
			const id = typed ? null : suggestionAtCaret(view.state);
			const fragment = [...this.#views].find(([, v]) => v === view)?.[0];
			const next = id && fragment ? { fragment, id } : null;
			if (next?.id !== this.atCaret?.id || next?.fragment !== this.atCaret?.fragment)
				this.atCaret = next;
			return;
		}
		this.atCaret = null;
		const ids: string[] = [];
		view.state.doc.nodesBetween(from, to, (node) => {
			const structure = structureOf(node);
			if (structure && !ids.includes(structure.id)) ids.push(structure.id);
			for (const mark of node.marks) {
				const id = String(mark.attrs.id);
				const kind = mark.type.name;
				if (
					(kind === 'insertion' || kind === 'deletion' || kind === FORMAT_CHANGE) &&
					!ids.includes(id)
				)
					ids.push(id);
			}
			return true;
		});
		this.inSelection = ids;
	}

	acceptSelection(): void {
		this.#decide(this.inSelection, true);
		this.inSelection = [];
	}
	rejectSelection(): void {
		this.#decide(this.inSelection, false);
		this.inSelection = [];
	}

	/** Re-reads the list (editors call it after each transaction that changed their document). */
	refresh(): void {
		const list: SuggestionView[] = [];
		for (const fragment of this.#order) {
			const view = this.#views.get(fragment);
			if (view) list.push(...suggestionsIn(view.state.doc, fragment));
		}
		this.list = list;
	}

	#decide(ids: Iterable<string>, accept: boolean): void {
		if (!this.canDecide) return;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to this call
		const wanted = new Set(ids);
		for (const entry of this.list) {
			if (!wanted.has(entry.id)) continue;
			const view = this.#views.get(entry.fragment);
			if (!view) continue;
			if (entry.structure || entry.format) {
				const tr = view.state.tr;
				const decide = entry.structure ? decideStructure : decideFormat;
				if (decide(tr, accept, entry.id))
					view.dispatch(tr.setMeta(suggestChangesKey, { skip: true }));
				// A Word row revision may share its id with its words' w:ins (docx-import): the
				// words' marks are decided with it, below.
				if (!entry.structure) continue;
			}
			// The mark attribute keeps the id's type: Lantu's are strings, others may be numbers.
			const mark = findMarkId(view.state.doc, entry.id);
			if (mark === undefined) continue;
			const command = accept ? applySuggestion(mark) : revertSuggestion(mark);
			command(view.state, view.dispatch);
		}
		this.refresh();
	}

	/** Puts the keyboard focus back into one of the section's editors. */
	focus(fragment: string): void {
		this.#views.get(fragment)?.focus();
	}

	accept(id: string): void {
		this.#decide([id], true);
	}
	reject(id: string): void {
		this.#decide([id], false);
	}
	acceptWhere(filter: (s: SuggestionView) => boolean): void {
		this.#decide(
			this.list.filter(filter).map((s) => s.id),
			true
		);
	}
	rejectWhere(filter: (s: SuggestionView) => boolean): void {
		this.#decide(
			this.list.filter(filter).map((s) => s.id),
			false
		);
	}
}

function findMarkId(doc: PMNode, id: string): string | number | undefined {
	let found: string | number | undefined;
	doc.descendants((node) => {
		if (found !== undefined) return false;
		for (const mark of node.marks) {
			if (String(mark.attrs.id) === id) found = mark.attrs.id as string | number;
		}
		return true;
	});
	return found;
}

const KEY = Symbol('section-suggestions');

export function setSuggestionsContext(value: SectionSuggestions): void {
	setContext(KEY, value);
}

export function getSuggestionsContext(): SectionSuggestions | undefined {
	return getContext<SectionSuggestions | undefined>(KEY);
}

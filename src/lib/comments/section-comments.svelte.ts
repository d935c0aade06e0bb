/**
 * A section's comments in the browser: the threads, the panel's state, the editors' highlights and
 * the selection that can become a new thread. Provided to the section page's editors and blocks
 * through context, so they stay usable without it.
 *
 * Freshness: after its own change the panel refetches at once; others' changes arrive as a
 * stateless "comments" message the server broadcasts over the section's Hocuspocus connection
 * (already open for the editors: no polling, no second socket). A refetch also follows each
 * reconnect and the window regaining focus, so a missed broadcast heals itself.
 */
import { getContext, setContext } from 'svelte';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';
import {
	createTextAnchor,
	resolveInFragment,
	type ProsemirrorMapping,
	type TextAnchor
} from './anchor.ts';
import {
	refreshHighlights,
	type HighlightAnchor,
	type HighlightSource
} from './highlight-plugin.ts';
import type { ThreadView } from './types.ts';
import { ySyncPluginKey } from 'y-prosemirror';

export type Draft =
	({ kind: 'text' } & TextAnchor) | { kind: 'row'; blockKey: string; rowId: string; label: string };

export interface SelectionInfo {
	fragment: string;
	view: EditorView;
	quote: string;
	/** Page coordinates (document, not viewport) below the selection's end. */
	top: number;
	left: number;
}

export class CommentRequestError extends Error {
	readonly code: string;
	constructor(code: string, message: string) {
		super(message);
		this.code = code;
	}
}

export class SectionComments implements HighlightSource {
	/** Threads on words and rows: the comments panel's. */
	threads = $state.raw<ThreadView[]>([]);
	/** Discussions of pending suggestions: the 修订 side list shows them under their suggestion. */
	suggestionThreads = $state.raw<ThreadView[]>([]);
	open = $state(false);
	activeId = $state<number | null>(null);
	draft = $state<Draft | null>(null);
	selection = $state<SelectionInfo | null>(null);
	/** Threads whose words or row no longer exist in the draft. */
	orphaned = $state.raw<readonly number[]>([]);

	readonly #endpoint: string;
	readonly #threadEndpoint: (id: number) => string;
	/** The section's editors, which redraw highlights when the threads change. */
	#views: EditorView[] = [];
	#doc: Y.Doc | null = null;
	#rowsOf: ((blockKey: string) => string[]) | null = null;

	constructor(planId: number, clause: string, threads: ThreadView[]) {
		this.#endpoint = `/api/plans/${planId}/sections/${clause}/comments`;
		this.#threadEndpoint = (id) => `/api/plans/${planId}/comments/${id}`;
		this.#set(threads);
	}

	#set(all: ThreadView[]): void {
		this.threads = all.filter((t) => t.anchor.kind !== 'suggestion');
		this.suggestionThreads = all.filter((t) => t.anchor.kind === 'suggestion');
	}

	/** The discussion threads of one suggestion, oldest first. */
	threadsOf(suggestionId: string): ThreadView[] {
		return this.suggestionThreads.filter(
			(t) => t.anchor.kind === 'suggestion' && t.anchor.suggestionId === suggestionId
		);
	}

	/** Starts the discussion of a suggestion with a first comment. */
	async discussSuggestion(
		fragment: string,
		suggestionId: string,
		quote: string,
		body: string
	): Promise<void> {
		await this.#post(this.#endpoint, {
			anchor: { kind: 'suggestion', fragment, suggestionId, quote },
			body
		});
		await this.refresh();
	}

	get openCount(): number {
		return this.threads.filter((t) => t.status === 'open').length;
	}

	rowThreads(blockKey: string, rowId: string): ThreadView[] {
		return this.threads.filter(
			(t) => t.anchor.kind === 'row' && t.anchor.blockKey === blockKey && t.anchor.rowId === rowId
		);
	}

	/** Follows the section's document: orphan checks after changes (once synced). */
	attach(doc: Y.Doc, rowsOf: (blockKey: string) => string[]): void {
		this.#doc = doc;
		this.#rowsOf = rowsOf;
		this.checkOrphans();
	}

	checkOrphans(): void {
		const doc = this.#doc;
		if (!doc || !this.#rowsOf) return;
		const rowsOf = this.#rowsOf;
		const orphaned = this.threads
			.filter((thread) => {
				const anchor = thread.anchor;
				if (anchor.kind === 'text') {
					return !resolveInFragment(doc.getXmlFragment(anchor.fragment), anchor);
				}
				if (anchor.kind !== 'row') return false;
				return !rowsOf(anchor.blockKey).includes(anchor.rowId);
			})
			.map((thread) => thread.id);
		if (orphaned.join() !== this.orphaned.join()) this.orphaned = orphaned;
	}

	// HighlightSource ----------------------------------------------------------------------------

	anchorsFor(fragment: string): HighlightAnchor[] {
		const out: HighlightAnchor[] = [];
		for (const t of this.threads) {
			if (t.status !== 'open' || t.anchor.kind !== 'text' || t.anchor.fragment !== fragment)
				continue;
			out.push({
				id: t.id,
				start: t.anchor.start,
				end: t.anchor.end,
				active: t.id === this.activeId
			});
		}
		return out;
	}

	onSelection(fragment: string, view: EditorView): void {
		const { from, to, empty } = view.state.selection;
		const quote = empty ? '' : view.state.doc.textBetween(from, to, ' ', ' ').trim();
		if (!quote) {
			if (this.selection?.view === view) this.selection = null;
			return;
		}
		let coords: { bottom: number; left: number };
		try {
			coords = view.coordsAtPos(to);
		} catch {
			return;
		}
		this.selection = {
			fragment,
			view,
			quote,
			top: coords.bottom + window.scrollY,
			left: coords.left + window.scrollX
		};
	}

	onBlur(view: EditorView): void {
		if (this.selection?.view === view) this.selection = null;
	}

	onHighlightClick(threadId: number): void {
		this.focus(threadId, false);
	}

	register(_fragment: string, view: EditorView): () => void {
		this.#views.push(view);
		return () => {
			this.#views = this.#views.filter((v) => v !== view);
			if (this.selection?.view === view) this.selection = null;
		};
	}

	#refreshViews(): void {
		for (const view of this.#views) refreshHighlights(view);
	}

	// Panel --------------------------------------------------------------------------------------

	/** Opens the panel on a thread and brings its words (or row) into view. */
	focus(threadId: number, scroll = true): void {
		this.activeId = threadId;
		this.open = true;
		this.#refreshViews();
		if (!scroll) return;
		const thread = this.threads.find((t) => t.id === threadId);
		if (!thread) return;
		const target =
			thread.anchor.kind === 'row'
				? document.getElementById(`row-${thread.anchor.rowId}`)
				: document.querySelector(`[data-thread="${threadId}"]`);
		target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
	}

	/** Turns the current editor selection into the composer's anchor. */
	commentOnSelection(): void {
		const selection = this.selection;
		if (!selection) return;
		const { view, fragment } = selection;
		const binding = (
			ySyncPluginKey.getState(view.state) as
				{ binding?: { type: Y.XmlFragment; mapping: ProsemirrorMapping } } | undefined
		)?.binding;
		if (!binding) return;
		const { from, to } = view.state.selection;
		const anchor = createTextAnchor(
			fragment,
			binding.type,
			view.state.doc,
			binding.mapping,
			from,
			to
		);
		this.draft = { kind: 'text', ...anchor };
		this.selection = null;
		this.activeId = null;
		this.open = true;
	}

	commentOnRow(blockKey: string, rowId: string, label: string): void {
		this.draft = { kind: 'row', blockKey, rowId, label };
		this.activeId = null;
		this.open = true;
	}

	// Server -------------------------------------------------------------------------------------

	async refresh(): Promise<void> {
		const response = await fetch(this.#endpoint, { headers: { accept: 'application/json' } });
		if (!response.ok) return;
		const { threads } = (await response.json()) as { threads: ThreadView[] };
		this.#set(threads);
		this.checkOrphans();
		this.#refreshViews();
	}

	async #post(url: string, payload: unknown): Promise<unknown> {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(payload)
		});
		const result = (await response.json().catch(() => ({}))) as {
			code?: string;
			message?: string;
		};
		if (!response.ok) {
			throw new CommentRequestError(
				result.code ?? 'invalid',
				result.message ?? String(response.status)
			);
		}
		return result;
	}

	async submitDraft(body: string): Promise<void> {
		const draft = this.draft;
		if (!draft) return;
		const anchor =
			draft.kind === 'text'
				? draft
				: {
						kind: 'row' as const,
						blockKey: draft.blockKey,
						rowId: draft.rowId,
						label: draft.label
					};
		const { threadId } = (await this.#post(this.#endpoint, { anchor, body })) as {
			threadId: number;
		};
		this.draft = null;
		await this.refresh();
		this.focus(threadId, false);
	}

	async reply(threadId: number, body: string): Promise<void> {
		await this.#post(this.#threadEndpoint(threadId), { action: 'reply', body });
		await this.refresh();
	}

	async setResolved(threadId: number, resolved: boolean): Promise<void> {
		await this.#post(this.#threadEndpoint(threadId), { action: resolved ? 'resolve' : 'reopen' });
		await this.refresh();
	}
}

const KEY = Symbol('section-comments');

export function setCommentsContext(comments: SectionComments): SectionComments {
	return setContext(KEY, comments);
}

/** The section's comments, when the component sits on a section page that has them. */
export function getCommentsContext(): SectionComments | undefined {
	return getContext<SectionComments | undefined>(KEY);
}

/**
 * The editor's figures (browser side): numbering per chapter, the figure and cross-reference node
 * views, and inserting images by paste, drop or the toolbar (each file uploaded first, the figure
 * inserted once the server has kept it). Numbers are decorations recomputed from the document, so
 * a figure moved, added or deleted renumbers every figure and reference at once.
 */
import type { Node as PMNode } from 'prosemirror-model';
import {
	NodeSelection,
	Plugin,
	PluginKey,
	Selection,
	type EditorState,
	type Transaction
} from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView, type NodeView } from 'prosemirror-view';
import { FIGURE_WIDTHS, IMAGE_LIMITS, figureWidth, imageUrl } from '../images/limits.ts';
import { figureLabel, MISSING_FIGURE } from '../images/numbering.ts';
import {
	figureEditable,
	insertedFigure,
	STRUCTURE_META,
	suggestRemoveFigure,
	type StructureAuthor
} from '../suggestions/structure-commands.ts';
import { schema } from './schema.ts';

export interface FigureWords {
	caption: string;
	alt: string;
	width: string;
	remove: string;
	unavailable: string;
	tooLarge: string;
}

export interface FigureContext {
	planId: number;
	/** Arabic number of the chapter the section belongs to (6 for 6.3). */
	chapter: string;
	/** Figures before this editor's fragment in the chapter (earlier sections and fragments). */
	before: () => number;
	upload(file: File): Promise<{ ok: true; hash: string } | { ok: false; message: string }>;
	onError(message: string): void;
	words: FigureWords;
	/**
	 * 修订: this browser's author while suggesting, else null. A picture inserted then is a
	 * suggested picture; removing one marks it for deletion; only one's own suggested picture's
	 * caption, alt text and width can be changed (suggestions/structure-commands.ts).
	 */
	suggesting?: () => StructureAuthor | null;
}

export interface FigureEntry {
	id: string;
	label: string;
	caption: string;
}

interface NumbersState {
	decorations: DecorationSet;
	figures: FigureEntry[];
}

export const figureNumbersKey = new PluginKey<NumbersState>('figure-numbers');
/** Meta that asks for renumbering (figures elsewhere in the section changed). */
export const REFRESH_FIGURES = 'figures-refresh';

function numbers(doc: PMNode, context: FigureContext): NumbersState {
	const figures: FigureEntry[] = [];
	const labels = new Map<string, string>();
	const decorations: Decoration[] = [];
	let n = context.before();
	doc.descendants((node, pos) => {
		if (node.type === schema.nodes.figure) {
			n += 1;
			const label = figureLabel(context.chapter, n);
			const id = node.attrs.id as string;
			if (id && !labels.has(id)) labels.set(id, label);
			figures.push({ id, label, caption: node.attrs.caption as string });
			decorations.push(Decoration.node(pos, pos + node.nodeSize, {}, { label }));
			return false;
		}
		return true;
	});
	doc.descendants((node, pos) => {
		if (node.type === schema.nodes.figure_ref) {
			const label = labels.get(node.attrs.target as string) ?? MISSING_FIGURE;
			decorations.push(Decoration.node(pos, pos + node.nodeSize, {}, { label }));
		}
	});
	return { decorations: DecorationSet.create(doc, decorations), figures };
}

function labelOf(decorations: readonly Decoration[]): string {
	for (const d of decorations) {
		const label = (d.spec as { label?: string }).label;
		if (label) return label;
	}
	return '';
}

export function newFigureId(): string {
	return `fig-${crypto.randomUUID().slice(0, 8)}`;
}

/** The figures of the editor's document with their current numbers (for the cross-reference menu). */
export function figuresOf(state: EditorState): FigureEntry[] {
	return figureNumbersKey.getState(state)?.figures ?? [];
}

class FigureView implements NodeView {
	dom: HTMLElement;
	private img: HTMLImageElement;
	private number: HTMLSpanElement;
	private caption: HTMLInputElement;
	private alt: HTMLInputElement;
	private width: HTMLSelectElement;
	private src = '';

	constructor(
		private node: PMNode,
		private view: EditorView,
		private getPos: () => number | undefined,
		decorations: readonly Decoration[],
		private context: FigureContext
	) {
		const words = context.words;
		this.dom = document.createElement('figure');
		this.dom.className = 'figure';
		this.img = document.createElement('img');
		this.img.draggable = false;
		this.img.addEventListener('error', () => {
			this.img.alt = `${words.unavailable}${this.node.attrs.alt ? `：${this.node.attrs.alt as string}` : ''}`;
			this.dom.classList.add('is-broken');
		});
		const caption = document.createElement('figcaption');
		this.number = document.createElement('span');
		this.number.className = 'figure-number';
		this.caption = this.input(words.caption, 'caption');
		this.caption.className = 'figure-caption';
		caption.append(this.number, this.caption);
		const tools = document.createElement('div');
		tools.className = 'figure-tools';
		this.alt = this.input(words.alt, 'alt');
		this.alt.className = 'figure-alt';
		this.width = document.createElement('select');
		this.width.className = 'figure-width';
		this.width.setAttribute('aria-label', words.width);
		this.width.title = words.width;
		for (const w of FIGURE_WIDTHS) {
			const option = document.createElement('option');
			option.value = String(w);
			option.textContent = `${w}%`;
			this.width.append(option);
		}
		this.width.addEventListener('change', () => this.set('width', Number(this.width.value)));
		const remove = document.createElement('button');
		remove.type = 'button';
		remove.className = 'figure-remove';
		remove.textContent = words.remove;
		remove.addEventListener('click', () => {
			const pos = this.getPos();
			if (pos === undefined || !this.view.editable) return;
			const author = this.context.suggesting?.();
			if (author) {
				const tr = suggestRemoveFigure(this.view.state, pos, author);
				if (tr) this.view.dispatch(tr);
				return;
			}
			this.view.dispatch(this.view.state.tr.delete(pos, pos + this.node.nodeSize));
		});
		tools.append(this.alt, this.width, remove);
		this.dom.append(this.img, caption, tools);
		this.render(decorations);
	}

	private input(label: string, attr: 'caption' | 'alt'): HTMLInputElement {
		const input = document.createElement('input');
		input.type = 'text';
		input.placeholder = label;
		input.setAttribute('aria-label', label);
		input.maxLength = 200;
		// Written on every keystroke, but never while an input method is composing (the word
		// would be written half-done); compositionend writes it whole.
		input.addEventListener('input', (e) => {
			if (!(e as InputEvent).isComposing) this.set(attr, input.value);
		});
		input.addEventListener('compositionend', () => this.set(attr, input.value));
		return input;
	}

	private set(attr: 'caption' | 'alt' | 'width', value: string | number) {
		const pos = this.getPos();
		if (pos === undefined || !this.view.editable || this.node.attrs[attr] === value) return;
		const author = this.context.suggesting?.();
		if (author && !figureEditable(this.node, author)) return;
		const tr = this.view.state.tr.setNodeAttribute(pos, attr, value);
		// One's own suggested picture: its attributes are part of the suggestion.
		this.view.dispatch(author ? tr.setMeta(STRUCTURE_META, true) : tr);
	}

	private render(decorations: readonly Decoration[]) {
		const attrs = this.node.attrs;
		const src = attrs.src as string;
		if (src !== this.src) {
			this.src = src;
			this.img.src = imageUrl(this.context.planId, src);
			this.dom.classList.remove('is-broken');
		}
		this.img.alt = attrs.alt as string;
		this.img.style.width = `${figureWidth(attrs.width)}%`;
		this.dom.dataset.image = src;
		this.number.textContent = labelOf(decorations);
		const author = this.context.suggesting?.();
		const editable = this.view.editable && (!author || figureEditable(this.node, author));
		for (const [input, value] of [
			[this.caption, attrs.caption as string],
			[this.alt, attrs.alt as string]
		] as const) {
			// The field being typed in keeps its own value (a remote echo must not move the caret).
			if (document.activeElement !== input && input.value !== value) input.value = value;
			input.readOnly = !editable;
		}
		this.width.value = String(figureWidth(attrs.width));
		this.width.disabled = !editable;
		this.dom.classList.toggle('is-editable', editable);
	}

	update(node: PMNode, decorations: readonly Decoration[]): boolean {
		if (node.type !== this.node.type) return false;
		this.node = node;
		this.render(decorations);
		return true;
	}

	stopEvent(event: Event): boolean {
		const target = event.target as HTMLElement | null;
		return (
			!!target &&
			target !== this.dom &&
			target !== this.img &&
			!!target.closest('input, select, button')
		);
	}

	ignoreMutation(): boolean {
		return true;
	}
}

class RefView implements NodeView {
	dom: HTMLElement;
	constructor(node: PMNode, decorations: readonly Decoration[]) {
		this.dom = document.createElement('span');
		this.dom.className = 'figure-ref';
		this.dom.dataset.figureRef = node.attrs.target as string;
		this.dom.textContent = labelOf(decorations) || MISSING_FIGURE;
	}
	update(node: PMNode, decorations: readonly Decoration[]): boolean {
		if (node.type !== schema.nodes.figure_ref) return false;
		this.dom.dataset.figureRef = node.attrs.target as string;
		this.dom.textContent = labelOf(decorations) || MISSING_FIGURE;
		return true;
	}
	ignoreMutation(): boolean {
		return true;
	}
}

function imageFiles(list: FileList | null | undefined): File[] {
	return [...(list ?? [])].filter((f) => f.type.startsWith('image/') || f.type === '');
}

/**
 * Inserts a cross-reference at the cursor. With a figure (or another node) selected, it goes in a
 * new paragraph after it rather than replacing it.
 */
export function insertFigureRef(state: EditorState, target: string): Transaction {
	const ref = schema.nodes.figure_ref.create({ target });
	const { selection } = state;
	if (selection instanceof NodeSelection)
		return state.tr.insert(selection.to, schema.nodes.paragraph.create(null, ref));
	return state.tr.replaceSelectionWith(ref, false);
}

/**
 * Whether a paste is a picture rather than text. Word and many apps put a picture of the copied
 * text beside its HTML and plain text; that paste is text (ProseMirror's own). A screenshot or a
 * copied image has no text, or HTML that is only an <img>.
 */
export function pastesPicture(data: DataTransfer | null | undefined): boolean {
	if (!data) return false;
	const plain = data.getData('text/plain').trim();
	const html = data.getData('text/html');
	const htmlText = html
		.replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
		.replace(/<[^>]*>/g, '')
		.replace(/&nbsp;/g, ' ')
		.trim();
	return !htmlText && (!plain || !!html);
}

/** Uploads the files one by one and inserts each kept image as a figure at the selection. */
export async function insertImageFiles(
	view: EditorView,
	files: readonly File[],
	context: FigureContext
): Promise<void> {
	for (const file of files) {
		if (file.size > IMAGE_LIMITS.bytes) {
			context.onError(context.words.tooLarge);
			continue;
		}
		const result = await context.upload(file);
		if (!result.ok) {
			context.onError(result.message);
			continue;
		}
		if (view.isDestroyed || !view.editable) return;
		const author = context.suggesting?.();
		const node = schema.nodes.figure.create({
			id: newFigureId(),
			src: result.hash,
			...(author && insertedFigure(author))
		});
		// While suggesting the picture goes after the paragraph, never splitting it: a split would
		// be a change the suggestion's rejection could not undo (the base).
		const { $to } = view.state.selection;
		const tr = (
			author && $to.depth > 0 && $to.parent.isTextblock
				? view.state.tr.insert($to.after(), node)
				: view.state.tr.replaceSelectionWith(node)
		).scrollIntoView();
		// While suggesting: a suggested picture, past the suggest-changes library.
		view.dispatch(author ? tr.setMeta(STRUCTURE_META, true) : tr);
	}
}

export function figurePlugin(context: FigureContext): Plugin<NumbersState> {
	return new Plugin<NumbersState>({
		key: figureNumbersKey,
		state: {
			init: (_, state) => numbers(state.doc, context),
			apply: (tr, old, _, state) =>
				tr.docChanged || tr.getMeta(REFRESH_FIGURES) ? numbers(state.doc, context) : old
		},
		props: {
			decorations: (state) => figureNumbersKey.getState(state)?.decorations,
			nodeViews: {
				figure: (node, view, getPos, decorations) =>
					new FigureView(node, view, getPos, decorations, context),
				figure_ref: (node, _view, _getPos, decorations) => new RefView(node, decorations)
			},
			handlePaste(view, event) {
				if (!pastesPicture(event.clipboardData)) return false;
				const files = imageFiles(event.clipboardData?.files);
				if (files.length === 0 || !view.editable) return false;
				void insertImageFiles(view, files, context);
				return true;
			},
			handleDrop(view, event) {
				const files = imageFiles((event as DragEvent).dataTransfer?.files);
				if (files.length === 0 || !view.editable) return false;
				const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
				// The figure goes where it was dropped (splitting the paragraph when inside one).
				if (at)
					view.dispatch(view.state.tr.setSelection(Selection.near(view.state.doc.resolve(at.pos))));
				event.preventDefault();
				void insertImageFiles(view, files, context);
				return true;
			}
		}
	});
}

/**
 * Suggested formatting and paragraph-style changes (修订, issue 17), as Word tracks them: the words
 * take their new format at once and carry a `format_change` mark saying what it was before
 * (format-mark.ts). Isomorphic: the editor turns a local bold/italic/underline/link or
 * paragraph/heading transaction into one (`trackFormatting`), the owners accept or reject it
 * (`decideFormat`), and the base — the section with every suggestion rejected — reverts them
 * (`rejectAllFormats`, used by base.ts, which the collaboration server compares).
 */
import type { Mark, MarkType, Node as PMNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import {
	AddMarkStep,
	RemoveMarkStep,
	ReplaceAroundStep,
	Transform,
	type Step
} from 'prosemirror-transform';
import { schema } from '../editor/schema.ts';
import { m } from '../paraglide/messages.js';
import { FORMAT_CHANGE, formatChangeSchema, type FormatChange } from './format-mark.ts';

/** Text marks whose changes are tracked as formatting suggestions. */
export const FORMAT_MARKS: ReadonlySet<string> = new Set(['strong', 'em', 'underline', 'link']);
/** Paragraph styles that may be changed into one another as a suggestion. */
const BLOCK_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading']);

export type { FormatChange };
type MarkChange = Extract<FormatChange, { mark: string }>;
type BlockStyle = Extract<FormatChange, { block: unknown }>['block'];

/** The change a `format_change` mark records, or null when it is malformed. */
export function changeOf(mark: Mark): FormatChange | null {
	const parsed = formatChangeSchema.safeParse(mark.attrs.change);
	return parsed.success ? parsed.data : null;
}

function markChangeOf(mark: Mark): MarkChange | null {
	const change = changeOf(mark);
	return change && 'mark' in change ? change : null;
}

/** The mark of `type` on the first words of a range (a mark step's pieces are uniform). */
function markAt(doc: PMNode, from: number, to: number, type: MarkType): Mark | null {
	const hit: { mark?: Mark | null } = {};
	doc.nodesBetween(from, to, (node) => {
		if (hit.mark !== undefined) return false;
		if (!node.isInline) return true;
		hit.mark = type.isInSet(node.marks) ?? null;
		return false;
	});
	return hit.mark ?? null;
}

function formatMarks(node: PMNode): Mark[] {
	return node.marks.filter((m) => m.type.name === FORMAT_CHANGE);
}

function sameMark(a: Mark | null, b: Mark | null): boolean {
	return a === null || b === null ? a === b : a.eq(b);
}

function sameStyle(a: BlockStyle, node: PMNode): boolean {
	return a.type === node.type.name && JSON.stringify(a.attrs) === JSON.stringify(node.attrs);
}

/** A `setNodeMarkup` step: the node at `from` replaced by one of another type or attrs. */
function isSetMarkup(step: Step): step is ReplaceAroundStep {
	return (
		step instanceof ReplaceAroundStep &&
		step.insert === 1 &&
		step.slice.size === 2 &&
		step.gapFrom === step.from + 1 &&
		step.gapTo === step.to - 1 &&
		// `structure` is not in the typings; the JSON form carries it.
		(step.toJSON() as { structure?: boolean }).structure === true
	);
}

interface MarkPiece {
	from: number;
	to: number;
	type: string;
	/** The formatting before any pending suggestion on these words. */
	original: Mark | null;
	replaced: Mark[];
}

/** How the words of a mark step were before it, piece by piece. */
function markPieces(doc: PMNode, step: AddMarkStep | RemoveMarkStep): MarkPiece[] {
	const type = step.mark.type;
	const pieces: MarkPiece[] = [];
	doc.nodesBetween(step.from, step.to, (node, pos) => {
		if (!node.isInline) return true;
		// One's own suggested words: their formatting is part of the insertion.
		if (node.marks.some((m) => m.type.name === 'insertion')) return false;
		const replaced = formatMarks(node).filter((m) => markChangeOf(m)?.mark === type.name);
		const earlier = replaced.length ? markChangeOf(replaced[0])?.previous : undefined;
		pieces.push({
			from: Math.max(step.from, pos),
			to: Math.min(step.to, pos + node.nodeSize),
			type: type.name,
			original:
				earlier === undefined
					? (type.isInSet(node.marks) ?? null)
					: earlier && schema.markFromJSON(earlier),
			replaced
		});
		return false;
	});
	return pieces;
}

interface BlockPiece {
	pos: number;
	original: BlockStyle;
	replaced: Mark[];
}

function blockPiece(doc: PMNode, step: ReplaceAroundStep): BlockPiece | null {
	const old = doc.nodeAt(step.from);
	const next = step.slice.content.firstChild;
	if (!old || !next || !old.isTextblock || old.marks.length > 0) return null;
	if (!BLOCK_TYPES.has(old.type.name) || !BLOCK_TYPES.has(next.type.name)) return null;
	const replaced: Mark[] = [];
	let original: BlockStyle = { type: old.type.name, attrs: { ...old.attrs } };
	old.forEach((child) => {
		for (const mark of formatMarks(child)) {
			const change = changeOf(mark);
			if (!change || !('block' in change)) continue;
			if (!replaced.some((m) => m.eq(mark))) replaced.push(mark);
			original = change.block;
		}
	});
	return { pos: step.from, original, replaced };
}

/**
 * The suggestion a local transaction of only formatting (bold, italic, underline, link) or
 * paragraph-style (paragraph ↔ heading, heading level) steps makes, by `id`; null for any other
 * transaction (the suggest-changes library takes those). None of these steps moves a position,
 * which is why one pass can apply them and a second can mark what they changed.
 */
export function trackFormatting(
	state: EditorState,
	tr: Transaction,
	id: string
): Transaction | null {
	if (tr.steps.length === 0) return null;
	const out = state.tr;
	const marks: MarkPiece[] = [];
	const blocks: BlockPiece[] = [];
	for (const step of tr.steps) {
		if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
			if (!FORMAT_MARKS.has(step.mark.type.name)) return null;
			marks.push(...markPieces(out.doc, step));
		} else if (isSetMarkup(step)) {
			const piece = blockPiece(out.doc, step);
			if (!piece) return null;
			blocks.push(piece);
		} else return null;
		if (out.maybeStep(step).failed) return null;
	}
	for (const piece of marks) {
		for (const mark of piece.replaced) out.removeMark(piece.from, piece.to, mark);
		const now = markAt(out.doc, piece.from, piece.to, schema.marks[piece.type]);
		if (sameMark(piece.original, now)) continue; // back as it was: nothing is suggested
		const change: MarkChange = {
			mark: piece.type,
			previous: piece.original ? (piece.original.toJSON() as MarkChange['previous']) : null,
			next: now ? (now.toJSON() as MarkChange['next']) : null
		};
		out.addMark(piece.from, piece.to, schema.marks[FORMAT_CHANGE].create({ id, change }));
	}
	for (const piece of blocks.sort((a, b) => b.pos - a.pos)) {
		const node = out.doc.nodeAt(piece.pos) as PMNode;
		const end = piece.pos + node.nodeSize - 1;
		for (const mark of piece.replaced) out.removeMark(piece.pos + 1, end, mark);
		if (sameStyle(piece.original, node)) continue;
		// An empty paragraph gets a zero-width anchor to carry the mark, as the library does.
		if (node.content.size === 0) out.insert(piece.pos + 1, schema.text('\u200B'));
		const after = out.doc.nodeAt(piece.pos) as PMNode;
		out.addMark(
			piece.pos + 1,
			piece.pos + after.nodeSize - 1,
			schema.marks[FORMAT_CHANGE].create({ id, change: { block: piece.original } })
		);
	}
	out.setSelection(tr.selection.map(out.doc, out.mapping));
	if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks);
	return out;
}

/**
 * Accepts (the mark goes, the new format stays) or rejects (the old format comes back) the format
 * changes with `id` — every one when `id` is undefined. Malformed marks are dropped either way.
 */
export function decideFormat(tr: Transform, accept: boolean, id?: string): boolean {
	const found: { pos: number; size: number; mark: Mark; change: FormatChange | null }[] = [];
	tr.doc.descendants((node, pos) => {
		if (!node.isInline) return true;
		for (const mark of formatMarks(node))
			if (id === undefined || mark.attrs.id === id)
				found.push({ pos, size: node.nodeSize, mark, change: changeOf(mark) });
		return false;
	});
	const styled = new Set<number>();
	for (const { pos, size, mark, change } of found) {
		tr.removeMark(pos, pos + size, mark);
		if (accept || !change) continue;
		if ('mark' in change) {
			const type = schema.marks[change.mark];
			if (!type) continue;
			tr.removeMark(pos, pos + size, type);
			if (change.previous) {
				try {
					tr.addMark(pos, pos + size, schema.markFromJSON(change.previous));
				} catch {
					// A malformed previous mark: the words keep no such mark.
				}
			}
		} else {
			const block = tr.doc.resolve(pos).before();
			const type = schema.nodes[change.block.type];
			if (styled.has(block) || !type || !BLOCK_TYPES.has(type.name)) continue;
			styled.add(block);
			try {
				tr.setNodeMarkup(block, type, change.block.attrs);
			} catch {
				// Not a style this block can take: it keeps the suggested one.
			}
		}
	}
	return found.length > 0;
}

/** The document with every format change rejected (part of the base, base.ts). */
export function rejectAllFormats(doc: PMNode): PMNode {
	const tr = new Transform(doc);
	decideFormat(tr, false);
	return tr.doc;
}

const MARK_NAMES: Record<string, () => string> = {
	strong: m.suggest_mark_strong,
	em: m.suggest_mark_em,
	underline: m.suggest_mark_underline,
	link: m.suggest_mark_link
};

/** 正文, 标题 2 …: a paragraph style as the side list and the hover name it. */
export function styleName(style: { type: string; attrs: Record<string, unknown> }): string {
	return style.type === 'heading'
		? m.suggest_style_heading({ level: String(style.attrs.level) })
		: m.suggest_style_body();
}

/** What a format change did, in Word's words (格式：加粗 / 格式：取消加粗 / 样式：正文 → 标题 2). */
export function describeFormat(change: FormatChange, now?: PMNode): string {
	if ('block' in change)
		return m.suggest_format_style({
			from: styleName(change.block),
			to: now ? styleName({ type: now.type.name, attrs: now.attrs }) : ''
		});
	const name = MARK_NAMES[change.mark]?.() ?? change.mark;
	return change.next ? m.suggest_format_mark({ name }) : m.suggest_format_unmark({ name });
}

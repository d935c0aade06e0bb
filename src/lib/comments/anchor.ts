/**
 * Text anchors for comments (DESIGN.md §4): a range of one ProseMirror fragment kept as two Yjs
 * relative positions, so it follows concurrent edits, plus the quoted words and a little context,
 * so a range whose words were deleted can still be shown (orphaned) with its quote.
 *
 * Isomorphic and DOM-free: the browser's editors resolve anchors through their live binding's
 * mapping; `resolveInFragment` builds a ProseMirror document from the Y.XmlFragment itself (tests,
 * the comments panel's orphan check).
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { Node } from 'prosemirror-model';
import {
	absolutePositionToRelativePosition,
	initProseMirrorDoc,
	relativePositionToAbsolutePosition
} from 'y-prosemirror';
import * as Y from 'yjs';
import { schema } from '../editor/schema.ts';
import { COMMENT_LIMITS } from './limits.ts';

/** y-prosemirror's map from Yjs types to the ProseMirror nodes they render. */
export type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

export interface TextAnchor {
	/** `body` or `item:<id>`. */
	fragment: string;
	/** Base64 of `Y.encodeRelativePosition`: the first quoted character (sticks to the right). */
	start: string;
	/** Base64 of `Y.encodeRelativePosition`: just after the last quoted character (sticks left). */
	end: string;
	quote: string;
	before: string;
	after: string;
}

export interface ResolvedRange {
	from: number;
	to: number;
}

function encode(position: Y.RelativePosition): string {
	return toBase64(Y.encodeRelativePosition(position));
}

function decode(encoded: string): Y.RelativePosition | null {
	try {
		return Y.decodeRelativePosition(fromBase64(encoded));
	} catch {
		return null;
	}
}

/**
 * A relative position whose insertions at the very spot go outside the range: the start sticks to
 * the character after it, the end to the character before it (assoc −1), so text typed right at
 * either edge of the quote is not pulled into the highlight.
 */
function relative(
	doc: Y.Doc,
	type: Y.XmlFragment,
	pos: number,
	mapping: ProsemirrorMapping,
	assoc: 0 | -1
): Y.RelativePosition {
	const position = absolutePositionToRelativePosition(pos, type, mapping) as Y.RelativePosition;
	if (assoc === 0) return position;
	const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
	if (absolute && absolute.type instanceof Y.XmlText) {
		return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1);
	}
	return position;
}

/** Text of `doc` between two positions, with block boundaries as spaces. */
function textBetween(doc: Node, from: number, to: number): string {
	return doc.textBetween(Math.max(0, from), Math.min(doc.content.size, to), ' ', ' ');
}

/** Anchors [from, to) of the ProseMirror document `pmDoc` that `type` (named `fragment`) backs. */
export function createTextAnchor(
	fragment: string,
	type: Y.XmlFragment,
	pmDoc: Node,
	mapping: ProsemirrorMapping,
	from: number,
	to: number
): TextAnchor {
	const doc = type.doc;
	if (!doc) throw new Error('fragment is not part of a Y.Doc');
	const context = COMMENT_LIMITS.context;
	const quote = textBetween(pmDoc, from, to);
	return {
		fragment,
		start: encode(relative(doc, type, from, mapping, 0)),
		end: encode(relative(doc, type, to, mapping, -1)),
		quote: quote.slice(0, COMMENT_LIMITS.quote),
		before: textBetween(pmDoc, from - context * 2, from).slice(-context),
		after: textBetween(pmDoc, to, to + context * 2).slice(0, context)
	};
}

/**
 * Where an anchor is now, in the ProseMirror document that `mapping` describes; null when it no
 * longer covers any text (its words were deleted) or its positions are not in this fragment.
 */
export function resolveTextAnchor(
	type: Y.XmlFragment,
	mapping: ProsemirrorMapping,
	anchor: Pick<TextAnchor, 'start' | 'end'>
): ResolvedRange | null {
	const doc = type.doc;
	const start = decode(anchor.start);
	const end = decode(anchor.end);
	if (!doc || !start || !end) return null;
	const from = relativePositionToAbsolutePosition(doc, type, start, mapping);
	const to = relativePositionToAbsolutePosition(doc, type, end, mapping);
	if (from === null || to === null || to <= from) return null;
	return { from, to };
}

/** Resolves an anchor against the fragment's current content, without an editor. */
export function resolveInFragment(
	type: Y.XmlFragment,
	anchor: Pick<TextAnchor, 'start' | 'end'>
): (ResolvedRange & { text: string }) | null {
	const { doc, mapping } = initProseMirrorDoc(type, schema);
	const range = resolveTextAnchor(type, mapping, anchor);
	if (!range) return null;
	const text = textBetween(doc, range.from, range.to);
	return text.trim() === '' ? null : { ...range, text };
}

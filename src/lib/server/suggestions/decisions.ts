/**
 * How the collaboration server tells, from the live document alone, that the owners decided on a
 * suggestion applied from a consultation 修改建议 (opinions.ts) — and which way. Pure Yjs, no
 * database: the extension (collab/extensions/opinion-decisions.ts) calls it after every update of a
 * section that has such a suggestion pending.
 *
 * While the suggestion is pending we keep what its paragraph looks like, run by run (`observe`).
 * Once no mark of its id is left, the paragraph's text now is compared with the two ways the
 * decision could have gone: accepted (its inserted words kept, its deleted words gone) or rejected
 * (the other way round). The other suggestions in the paragraph are taken as still pending, all
 * accepted or all rejected (one accept, 全部接受, 全部拒绝). Text, not Yjs item identity, decides:
 * y-prosemirror writes an accept as a text diff, which may keep a deleted word's items and drop an
 * inserted one's when the two share letters. Anything else (the paragraph deleted with the
 * suggestion, a decision merged with other typing) is no decision: the opinion then waits for an
 * answer by hand, as before the server observed decisions.
 */
import * as Y from 'yjs';

type Kind = 'plain' | 'ins' | 'del' | 'other-ins' | 'other-del';

interface Segment {
	text: string;
	kind: Kind;
}

/** A pending suggestion as last seen: its paragraph's runs and its inserted words. */
export interface Seen {
	text: Y.XmlText;
	segments: Segment[];
	/** The suggestion's inserted words (the owner may have edited them: 部分采纳). */
	inserted: string;
}

export type ObservedOutcome = 'accepted' | 'rejected';

type Delta = { insert: unknown; attributes?: Record<string, unknown> }[];

function markId(value: unknown): string | null {
	const id = (value as { id?: unknown } | null | undefined)?.id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

function segmentsOf(text: Y.XmlText, id: string): { segments: Segment[]; found: boolean } {
	const segments: Segment[] = [];
	let found = false;
	for (const op of text.toDelta() as Delta) {
		// An embed never carries a suggestion's words; it stands as one character.
		const value = typeof op.insert === 'string' ? op.insert : '\uFFFC';
		const ins = markId(op.attributes?.insertion);
		const del = markId(op.attributes?.deletion);
		let kind: Kind = 'plain';
		if (ins === id) kind = 'ins';
		else if (del === id) kind = 'del';
		else if (ins !== null) kind = 'other-ins';
		else if (del !== null) kind = 'other-del';
		if (kind === 'ins' || kind === 'del') found = true;
		segments.push({ text: value, kind });
	}
	return { segments, found };
}

/** The paragraphs' texts of a fragment, in document order. */
export function textsOf(node: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []): Y.XmlText[] {
	for (const child of node.toArray()) {
		if (child instanceof Y.XmlText) out.push(child);
		else if (child instanceof Y.XmlElement) textsOf(child, out);
	}
	return out;
}

/** The suggestion `id` in `fragment` as it is now, or null when no mark of it is left. */
export function observe(fragment: Y.XmlFragment, id: string): Seen | null {
	for (const text of textsOf(fragment)) {
		const { segments, found } = segmentsOf(text, id);
		if (!found) continue;
		const inserted = segments
			.filter((s) => s.kind === 'ins')
			.map((s) => s.text)
			.join('');
		return { text, segments, inserted };
	}
	return null;
}

function plainText(text: Y.XmlText): string {
	return (text.toDelta() as Delta)
		.map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
		.join('');
}

/** The paragraph's text had the suggestion gone `accepted` (or not), the others as `others`. */
function outcomeText(
	segments: readonly Segment[],
	accepted: boolean,
	others: 'pending' | 'accepted' | 'rejected'
): string {
	const keep: Record<Kind, boolean> = {
		plain: true,
		ins: accepted,
		del: !accepted,
		'other-ins': others !== 'rejected',
		'other-del': others !== 'accepted'
	};
	return segments
		.filter((s) => keep[s.kind])
		.map((s) => s.text)
		.join('');
}

function matches(segments: readonly Segment[], accepted: boolean, now: string): boolean {
	return (['pending', 'accepted', 'rejected'] as const).some(
		(others) => outcomeText(segments, accepted, others) === now
	);
}

/**
 * Which way a suggestion last seen as `seen` was decided, now that no mark of it is left in
 * `fragment`; null when the text says neither (see the module comment).
 */
export function outcomeOf(seen: Seen, fragment: Y.XmlFragment): ObservedOutcome | null {
	// The paragraph itself, else (y-prosemirror replaced it) any paragraph of the fragment.
	const candidates = seen.text._item?.deleted ? textsOf(fragment) : [seen.text];
	for (const text of candidates) {
		const now = plainText(text);
		const accepted = matches(seen.segments, true, now);
		const rejected = matches(seen.segments, false, now);
		if (accepted !== rejected) return accepted ? 'accepted' : 'rejected';
	}
	return null;
}

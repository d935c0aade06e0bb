/**
 * Turning a form control's new value into the smallest Y.Text edit, and carrying a caret across a
 * remote edit. A plain `<input>` reports only its whole new value; replacing the whole Y.Text would
 * make two people typing in one cell overwrite each other, so we send only the changed span.
 */

export interface TextSplice {
	index: number;
	remove: number;
	insert: string;
}

/** The single span that differs between `before` and `after` (common prefix and suffix kept). */
export function diffText(before: string, after: string): TextSplice | null {
	if (before === after) return null;
	let start = 0;
	const max = Math.min(before.length, after.length);
	while (start < max && before[start] === after[start]) start++;
	let end = 0;
	while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end])
		end++;
	// Never split a UTF-16 surrogate pair (emoji, rare CJK): widen the span to whole characters.
	if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
	if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
	return {
		index: start,
		remove: before.length - start - end,
		insert: after.slice(start, after.length - end)
	};
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

type DeltaOp = { retain?: number; insert?: unknown; delete?: number };

/** Where a caret at `position` ends up after a remote Y.Text delta. */
export function mapPosition(position: number, delta: readonly DeltaOp[]): number {
	// `index` counts the text as it was before the delta (retains and deletes walk over it, inserts
	// do not), the same measure as `position`.
	let index = 0;
	let result = position;
	for (const op of delta) {
		if (index > position) break;
		if (op.retain !== undefined) index += op.retain;
		else if (op.insert !== undefined) {
			// Text inserted exactly at the caret goes before it, as in Google Docs.
			result += typeof op.insert === 'string' ? op.insert.length : 1;
		} else if (op.delete !== undefined) {
			result -= Math.min(op.delete, Math.max(0, position - index));
			index += op.delete;
		}
	}
	return Math.max(0, result);
}

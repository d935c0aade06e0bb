/**
 * What free text may hold, one rule for every boundary (issue 20). PostgreSQL's `text` refuses
 * U+0000 (SQLite stores it), and no control character or lone surrogate is text anyone typed: they
 * arrive from hostile clients, or pasted from Word (U+000B for a line break). So:
 * - single-line text (names, titles, labels, identifiers) with any of them is refused;
 * - prose (comments, reasons, answers) keeps tab, newline and CR and loses the rest.
 * Emoji and CJK Ext-B (4-byte characters, well-formed surrogate pairs) are text and pass.
 */

/** C0 controls but tab, newline and CR; DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PROSE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** One of them (no `g` flag: `test` keeps no state). */
const PROSE_CONTROL = new RegExp(PROSE_CONTROLS.source);
/** Every C0 control and DEL: none belongs in a single line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_CONTROLS = /[\u0000-\u001f\u007f]/;
/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whether `text` may be stored as a single line as it is. */
export function isCleanLine(text: string): boolean {
	return !LINE_CONTROLS.test(text) && text.isWellFormed();
}

/** Prose as it is stored: without control characters other than tab/newline/CR, or lone surrogates. */
export function cleanProse(text: string): string {
	return text.replace(PROSE_CONTROLS, '').replace(LONE_SURROGATES, '');
}

/**
 * Whether `text` holds a control character prose may not keep. (Not lone surrogates: a Yjs update
 * may carry half a surrogate pair — a text diff that keeps the common high half of 😀 → 😁 sends
 * only the new low half — and the document joins the halves again.)
 */
export function hasProseControls(text: string): boolean {
	return PROSE_CONTROL.test(text);
}

/**
 * Every string in a tree of plain objects and arrays, cleaned as prose (a copy; other objects —
 * byte arrays, dates — are kept as they are). For what is rendered from stored documents: text that
 * reached a document before its guard refused such characters is still printed cleanly.
 */
export function cleanProseDeep<T>(value: T): T {
	if (typeof value === 'string') return cleanProse(value) as T;
	if (Array.isArray(value)) return value.map(cleanProseDeep) as T;
	if (value === null || typeof value !== 'object') return value;
	const proto = Object.getPrototypeOf(value);
	if (proto !== Object.prototype && proto !== null) return value;
	const out: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) out[key] = cleanProseDeep(entry);
	return out as T;
}

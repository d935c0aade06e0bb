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

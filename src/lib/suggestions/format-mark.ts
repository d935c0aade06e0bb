/**
 * The mark of a suggested formatting or paragraph-style change (修订, issue 17), Lantu's own: the
 * suggest-changes library tracks a formatting change as "delete the words, insert them again
 * formatted", and a heading change as a block mark that y-prosemirror 1.x does not sync. Word
 * shows neither that way — the words stay once, in their new format, and the change is listed
 * (格式已更改). So the new formatting is applied, and this inline mark on the changed words says
 * who changed what from what (format.ts), enough to accept (drop the mark) or reject (restore).
 *
 * `change` is one of
 * - `{ mark: 'strong', previous: null, next: {type:'strong'} }` — a text mark set, removed or
 *   replaced (`previous`/`next` are ProseMirror mark JSON or null);
 * - `{ block: { type: 'paragraph', attrs: {} } }` — the paragraph's style before the change
 *   (paragraph ↔ heading, heading level); the mark covers the block's text.
 * It is no self-exclusive mark, so different changes of one word coexist (y-prosemirror keeps
 * each as its own hashed attribute).
 */
import type { MarkSpec } from 'prosemirror-model';
import { z } from 'zod';

export const FORMAT_CHANGE = 'format_change';

export const format_change: MarkSpec = {
	attrs: { id: { validate: 'string' }, change: {} },
	inclusive: false,
	excludes: '',
	toDOM: (mark) => ['span', { 'data-format-change': String(mark.attrs.id) }, 0]
};

const markJson = z.object({
	type: z.string(),
	attrs: z.record(z.string(), z.unknown()).optional()
});
/** What a `format_change` mark's `change` attribute holds (verified on every read). */
export const formatChangeSchema = z.union([
	z.object({ mark: z.string(), previous: markJson.nullable(), next: markJson.nullable() }),
	z.object({
		block: z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()) })
	})
]);
export type FormatChange = z.infer<typeof formatChangeSchema>;

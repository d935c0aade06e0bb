/**
 * Field rules shared by forms and their server actions. Messages prefixed `error:` carry a stable
 * error code the page turns into a Chinese sentence (see error-messages.ts).
 */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-rules.ts';
import { cleanProse, isCleanLine } from './text-rules.ts';

/**
 * The two kinds of free text (text-rules.ts); every free-text field is one of them. Chain limits
 * after them: `lineText.min(1).max(40)`, `proseText.trim().min(1, 'error:…').max(2000)`.
 * - `lineText`: names, titles, labels, trimmed; a control character or a lone surrogate refuses
 *   the field (`error:text-control`) — it cannot have been typed.
 * - `proseText`: comments, reasons, answers, quoted passages; control characters other than tab,
 *   newline and CR and lone surrogates are dropped, the rest is kept as typed (add `.trim()`).
 * `tokenText` is `lineText` untrimmed, for values a page sends back as it got them (anchors, ids).
 */
export const tokenText = z.string().refine(isCleanLine, 'error:text-control');
export const lineText = tokenText.trim();
export const proseText = z.string().overwrite(cleanProse);

export const usernameField = lineText
	.toLowerCase()
	.regex(/^[a-z0-9._-]{2,32}$/, 'error:username-format');

export const displayNameField = lineText.min(1).max(40);

export const passwordField = z
	.string()
	.min(MIN_PASSWORD_LENGTH, 'error:password-short')
	.max(MAX_PASSWORD_LENGTH);

export const idField = z.coerce.number().int().positive();

export const checkboxField = z
	.enum(['on', 'true'])
	.optional()
	.transform((v) => v !== undefined);

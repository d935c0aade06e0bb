/**
 * Field rules shared by forms and their server actions. Messages prefixed `error:` carry a stable
 * error code the page turns into a Chinese sentence (see error-messages.ts).
 */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-rules.ts';

export const usernameField = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9._-]{2,32}$/, 'error:username-format');

export const displayNameField = z.string().trim().min(1).max(40);

export const passwordField = z
	.string()
	.min(MIN_PASSWORD_LENGTH, 'error:password-short')
	.max(MAX_PASSWORD_LENGTH);

export const idField = z.coerce.number().int().positive();

export const checkboxField = z
	.enum(['on', 'true'])
	.optional()
	.transform((v) => v !== undefined);

/**
 * Form-action plumbing: parse FormData with a zod schema and turn expected problems (validation,
 * DomainError) into `fail(...)` with a stable error code the page maps to a Chinese message.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { DomainError } from './errors.ts';

export interface FormProblem {
	/** Which form on the page failed (pages have several). */
	form: string;
	error: string;
	details: Record<string, string | number>;
	/** The first invalid field, for focus and highlighting. */
	field?: string;
}

/**
 * `lists` names the fields a form repeats (checkboxes, rows): they reach the schema as arrays of
 * every value, the other fields as their last value.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	data: FormData,
	form: string,
	lists: readonly string[] = []
): { ok: true; data: z.infer<S> } | { ok: false; failure: ActionFailure<FormProblem> } {
	const fields: Record<string, unknown> = Object.fromEntries(data);
	for (const key of lists) fields[key] = data.getAll(key);
	const parsed = schema.safeParse(fields);
	if (parsed.success) return { ok: true, data: parsed.data };
	const issue = parsed.error.issues[0];
	const field = issue?.path.map(String).join('.');
	return {
		ok: false,
		failure: fail(400, {
			form,
			error: issue?.message.startsWith('error:') ? issue.message.slice(6) : 'invalid',
			details: {},
			field
		})
	};
}

/** Runs a mutation; a DomainError becomes a failure of that form, anything else propagates. */
export async function attempt<T>(
	form: string,
	mutation: () => T | Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; failure: ActionFailure<FormProblem> }> {
	try {
		return { ok: true, value: await mutation() };
	} catch (error) {
		if (error instanceof DomainError) {
			return {
				ok: false,
				failure: fail(error.status, { form, error: error.code, details: error.details })
			};
		}
		throw error;
	}
}

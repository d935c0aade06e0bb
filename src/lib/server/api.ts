/**
 * JSON endpoint plumbing (`+server.ts` for non-form clients such as the comments panel): a size-capped
 * body validated with zod, and expected problems as `{ code, message }` with their status.
 */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { COMMENT_LIMITS } from '../comments/limits.ts';
import { errorMessage } from '../error-messages.ts';
import { DomainError } from './errors.ts';
import { requirePlanMember } from './guards.ts';

const MAX_JSON_BYTES = 64 * 1024;

export function problem(
	status: number,
	code: string,
	details: Record<string, string | number> = {}
) {
	return json({ code, message: errorMessage(code, details), details }, { status });
}

/** The plan member behind an API call; anonymous callers get 401 rather than a login redirect. */
export function requireApiMember(event: RequestEvent & { params: { planId?: string } }) {
	if (!event.locals.user) error(401, { message: 'unauthorized' });
	return requirePlanMember(event);
}

export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
	const text = await request.text();
	if (new TextEncoder().encode(text).byteLength > MAX_JSON_BYTES) {
		return { ok: false, response: problem(413, 'comment-too-long', { max: COMMENT_LIMITS.body }) };
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, response: problem(400, 'invalid') };
	}
	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		const tooBig = parsed.error.issues.some((i) => i.code === 'too_big' && i.path.includes('body'));
		const control = parsed.error.issues.some((i) => i.message === 'error:text-control');
		return {
			ok: false,
			response: tooBig
				? problem(400, 'comment-too-long', { max: COMMENT_LIMITS.body })
				: problem(400, control ? 'text-control' : 'invalid')
		};
	}
	return { ok: true, data: parsed.data };
}

/** Runs a mutation; a DomainError becomes its problem response, anything else propagates. */
export async function attemptJson(mutation: () => Response | Promise<Response>): Promise<Response> {
	try {
		return await mutation();
	} catch (caught) {
		if (caught instanceof DomainError) return problem(caught.status, caught.code, caught.details);
		throw caught;
	}
}

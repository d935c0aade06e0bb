/**
 * Form actions read their body with `request.formData()`, which throws on a body that is not a form
 * (`text/plain`, multipart without a boundary, no content type) — SvelteKit turns that into a 500.
 * Checking once here, before any action runs, makes it the 400 it is, in one place instead of in
 * every action. The JSON API (/api/…) reads no forms and passes untouched.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Whether an action will read this request as a form (a POST to a page, form or no content type). */
export function readsAsForm(request: Request, pathname: string): boolean {
	if (request.method !== 'POST' || pathname.startsWith('/api/')) return false;
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
	return type === undefined || type === '' || FORM_TYPES.includes(type);
}

/**
 * Null when the body parses as FormData, else the status to refuse it with: 413 when it is over the
 * body size limit (adapter-node's stream reports that), 400 otherwise. Reads a clone, so the action
 * can still read the body.
 */
export async function formBodyRefusal(request: Request): Promise<400 | 413 | null> {
	try {
		await request.clone().formData();
		return null;
	} catch (error) {
		const cause = (error as { cause?: unknown }).cause ?? error;
		return (cause as { status?: unknown }).status === 413 ? 413 : 400;
	}
}

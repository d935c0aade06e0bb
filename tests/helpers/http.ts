/** Talking to the real server over HTTP as a browser would: same-origin form posts and cookies. */
export const DEMO_PASSWORD = 'lantu2026';

/** A form's fields: by name, or as pairs when a name repeats (checkboxes, rows). */
export type FormFields = Record<string, string> | [string, string][];

/**
 * Posts a SvelteKit form action as a plain browser form (no JavaScript), without following
 * redirects. `headers` adds to (or overrides) the browser's own, e.g. a proxy's x-forwarded-for.
 */
export function postForm(
	baseUrl: string,
	path: string,
	fields: FormFields,
	cookie?: string,
	headers: Record<string, string> = {}
) {
	return fetch(`${baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: baseUrl,
			accept: 'text/html',
			...(cookie ? { cookie } : {}),
			...headers
		},
		body: new URLSearchParams(fields)
	});
}

/**
 * Posts a form action as SvelteKit's enhanced form does (`use:enhance`): the answer is the
 * action's result as JSON text (`{ type, status, data }`), read to the end.
 */
export async function postEnhanced(
	baseUrl: string,
	path: string,
	fields: FormFields,
	cookie?: string
): Promise<{ status: number; body: string }> {
	const response = await postForm(baseUrl, path, fields, cookie, {
		accept: 'application/json',
		'x-sveltekit-action': 'true'
	});
	return { status: response.status, body: await response.text() };
}

/** A page as the signed-in browser gets it; anything but 200 fails the test with the status. */
export async function pageOf(baseUrl: string, path: string, cookie?: string): Promise<string> {
	const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
	const body = await response.text();
	if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
	return body;
}

/** `postForm` read to the end: the status and the page the action answered with. */
export async function postFormPage(
	baseUrl: string,
	path: string,
	fields: FormFields,
	cookie?: string
): Promise<{ status: number; html: string }> {
	const response = await postForm(baseUrl, path, fields, cookie);
	return { status: response.status, html: await response.text() };
}

/**
 * A JSON endpoint as a signed-in browser would call it (same origin, GET or POST with a JSON body).
 * `json` is the parsed answer, or {} when it is none (a SvelteKit error page).
 */
export async function callApi(baseUrl: string, path: string, cookie?: string, payload?: unknown) {
	const response = await fetch(`${baseUrl}${path}`, {
		method: payload === undefined ? 'GET' : 'POST',
		headers: {
			accept: 'application/json',
			'content-type': 'application/json',
			origin: baseUrl,
			...(cookie ? { cookie } : {})
		},
		body: payload === undefined ? undefined : JSON.stringify(payload),
		redirect: 'manual'
	});
	const text = await response.text();
	let json: Record<string, unknown> = {};
	try {
		json = JSON.parse(text) as Record<string, unknown>;
	} catch {
		// not JSON
	}
	return { status: response.status, json };
}

/** Logs in through the real login form and returns the session cookie (`name=value`). */
export async function login(
	baseUrl: string,
	username: string,
	password = DEMO_PASSWORD
): Promise<string> {
	const response = await postForm(baseUrl, '/login', { username, password });
	const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('lantu-session='));
	if (response.status !== 303 || !setCookie) {
		throw new Error(
			`login as ${username} failed: HTTP ${response.status} ${await response.text()}`
		);
	}
	return setCookie.split(';')[0];
}

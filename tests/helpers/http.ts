/** Talking to the real server over HTTP as a browser would: same-origin form posts and cookies. */
export const DEMO_PASSWORD = 'lantu2026';

/** Posts a SvelteKit form action as a plain browser form (no JavaScript), without following redirects. */
export function postForm(
	baseUrl: string,
	path: string,
	fields: Record<string, string>,
	cookie?: string
) {
	return fetch(`${baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: baseUrl,
			accept: 'text/html',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
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

/**
 * The Origin check of every state-changing request (POST, PUT, PATCH, DELETE), whatever its content
 * type. SvelteKit's own CSRF check covers only form content types; a JSON API (comments, history
 * restore) would otherwise accept a cross-site `fetch` that rides on the session cookie wherever
 * SameSite=Lax does not stop it (same-site subdomains, older browsers).
 *
 * Browsers send Origin on every request whose method is not GET or HEAD (Fetch standard, "append a
 * request `Origin` header"), same-origin ones included, so requiring it costs no browser user anything.
 * A request without it, or with `Origin: null`, is refused like a foreign one.
 */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * POSTs that change nothing and act for nobody: `/verify` checks an uploaded file against the
 * signed versions, ignores cookies, and is meant for anyone's tools as well as our page.
 */
const PUBLIC_CHECKS = new Set(['/verify']);

/** Why this request is refused, or null when it may proceed. */
export function originRefusal(
	method: string,
	origin: string | null,
	own: string,
	path = ''
): string | null {
	if (!STATE_CHANGING.has(method.toUpperCase())) return null;
	if (method.toUpperCase() === 'POST' && PUBLIC_CHECKS.has(path)) return null;
	if (origin === null) return 'origin missing';
	if (origin !== own) return 'origin not allowed';
	return null;
}

/**
 * Where to send the browser after login or a language switch: only a path on this site, written
 * as a valid `Location` header. Resolving it as a URL settles what browsers would do with it:
 * `//evil.example` and `/\evil.example` name another host and fall back to `/`; control characters
 * and Chinese are percent-encoded (a raw NUL or CJK character in a header makes Node throw, a 500).
 */
const BASE = 'http://lantu.invalid';

export function sameSitePath(target: string | null | undefined): string {
	if (!target || !target.startsWith('/')) return '/';
	try {
		const url = new URL(target, BASE);
		return url.origin === BASE ? url.pathname + url.search + url.hash : '/';
	} catch {
		return '/';
	}
}

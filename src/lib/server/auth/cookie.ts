/** The session cookie: httpOnly, SameSite=Lax, Secure whenever the request came over HTTPS. */
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session.ts';

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		// The browser keeps the cookie until the absolute lifetime; the server enforces the idle expiry.
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

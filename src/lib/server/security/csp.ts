/**
 * The Content-Security-Policy of the app. Pages get it from SvelteKit (`csp` in vite.config.ts, mode
 * 'auto': a fresh nonce on each rendered page for SvelteKit's inline bootstrap script, hashes on
 * prerendered ones); HTML that an endpoint returns (the export print view) gets `ENDPOINT_HTML_CSP`
 * from the security-headers hook.
 *
 * - Scripts: only our own files and the nonce'd bootstrap; no 'unsafe-inline', no eval.
 * - Styles: 'unsafe-inline' stays, because server-rendered pages carry style attributes (progress
 *   bars, Gantt bars, presence colours) and y-prosemirror sets the remote cursors' style attribute.
 *   CSS cannot run script, and img-src/font-src/connect-src keep it from reaching other hosts.
 * - connect-src 'self' covers the same-origin ws:/wss: of /collab (CSP Level 3 matches ws/wss for
 *   'self'); no other host is ever contacted.
 */
import type { Config } from '@sveltejs/kit/vite';

type CspDirectives = NonNullable<NonNullable<Config['csp']>['directives']>;

export const APP_CSP_DIRECTIVES: CspDirectives = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self', 'data:'],
	'connect-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

/** For HTML documents from endpoints (the print view): styles inline, nothing else runs or loads. */
export const ENDPOINT_HTML_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

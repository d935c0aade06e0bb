/**
 * The public round page (/consult/[token]) as anonymous readers get it, rendered once per change
 * and served from memory (issue 15: 200 readers at once, within 3× of a static file). Rendering it
 * means the whole frozen chapter, the same for every anonymous reader until something they see
 * changes; what they see is keyed by:
 *
 * - the round's revision (round-revision.ts: opinions added, answered, moderated, openness, the
 *   round row, names, the frozen version and its signatures — raised by triggers on every write),
 * - the frozen version's recorded hash (the entry stores the hash it was rendered from),
 * - the phase and the comment refusal now (time moves a round from scheduled to open to ended),
 *   the day in China, and the reader's language.
 *
 * Only anonymous GETs are served or stored: a request with a session cookie (member, signed-in
 * reader, or a stale cookie) always renders for itself, and a response that sets a cookie is never
 * stored — so nothing per-user crosses readers. The CSP nonce of SvelteKit's bootstrap script is
 * replaced with a fresh one on every response. Verified on read: an entry whose bytes no longer
 * hash to what was stored is dropped and the page rendered again, and the frozen version is checked
 * again (integrity.ts) at least every VERIFY_EVERY_MS, so tampering that bypasses the database's
 * triggers is refused within that time, never served on.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Handle } from '@sveltejs/kit/hooks';
import { cookieName as LOCALE_COOKIE, locales } from '../../paraglide/runtime.js';
import { chinaDay, roundPhase } from '../../consultation/period.ts';
import { roundCommentRefusal } from '../../policy/index.ts';
import { SESSION_COOKIE } from '../auth/session.ts';
import { logger } from '../log.ts';
import { loadVerifiedVersion } from '../workflow/integrity.ts';
import { getVersion } from '../workflow/versions.ts';
import { roundByToken, roundTimes } from './round-data.ts';
import { roundRevision } from './round-revision.ts';

const log = logger('public-page-cache');
const PUBLIC_ROUND_PATH = /^\/consult\/([A-Za-z0-9_-]{8,128})$/;
/** How long a served frozen version goes without a full re-verification. */
export const VERIFY_EVERY_MS = 30_000;
/** Rendered pages kept (one per round link and language); the oldest goes first. */
const MAX_ENTRIES = 64;

export interface RenderedPage {
	key: string;
	/** The version hash the page was rendered from. */
	versionHash: string;
	versionId: number;
	body: string;
	/** SHA-256 of `body` when stored. */
	digest: string;
	/** The nonce SvelteKit put in the body and the CSP header, replaced on every response. */
	nonce: string | null;
	status: number;
	headers: [string, string][];
	verifiedAt: number;
}

const digestOf = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

/** Rendered pages by public token; `get` verifies before returning. */
export class RenderedPages {
	readonly #pages = new Map<string, RenderedPage>();

	get(token: string, key: string): RenderedPage | undefined {
		const page = this.#pages.get(token);
		if (!page || page.key !== key) return undefined;
		if (digestOf(page.body) !== page.digest) {
			log.error({ token: token.slice(0, 6), key }, 'cached public page altered; rendered again');
			this.#pages.delete(token);
			return undefined;
		}
		return page;
	}

	put(token: string, page: Omit<RenderedPage, 'digest'>): void {
		this.#pages.delete(token);
		if (this.#pages.size >= MAX_ENTRIES) {
			const oldest = this.#pages.keys().next().value;
			if (oldest !== undefined) this.#pages.delete(oldest);
		}
		this.#pages.set(token, { ...page, digest: digestOf(page.body) });
	}

	delete(token: string): void {
		this.#pages.delete(token);
	}

	/** For tests: the stored entry as is. */
	peek(token: string): RenderedPage | undefined {
		return this.#pages.get(token);
	}
}

export const renderedPublicPages = new RenderedPages();

function localeOf(cookieHeader: string | null): string {
	const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`));
	const value = match?.[1];
	return value && (locales as readonly string[]).includes(value) ? value : locales[0];
}

function hasSession(cookieHeader: string | null): boolean {
	return cookieHeader?.split(';').some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`)) ?? false;
}

const NONCE = /'nonce-([^']+)'/;

function respond(page: RenderedPage): Response {
	const fresh = randomBytes(16).toString('base64');
	const swap = (text: string) => (page.nonce ? text.replaceAll(page.nonce, fresh) : text);
	const headers = new Headers(page.headers.map(([k, v]): [string, string] => [k, swap(v)]));
	headers.set('x-lantu-cache', 'hit');
	return new Response(swap(page.body), { status: page.status, headers });
}

/**
 * The hook: serves anonymous GETs of a public round page from `renderedPublicPages`, renders and
 * stores on a miss; everything else passes through untouched.
 */
export const handlePublicRoundCache: Handle = async ({ event, resolve }) => {
	const match = event.request.method === 'GET' ? PUBLIC_ROUND_PATH.exec(event.url.pathname) : null;
	const cookies = event.request.headers.get('cookie');
	if (!match || event.url.search !== '' || hasSession(cookies)) return resolve(event);
	const token = match[1];
	const round = roundByToken(token);
	const version = round ? getVersion(round.versionId) : undefined;
	if (!round || !version) return resolve(event);
	const now = Date.now();
	const times = roundTimes(round);
	const key = [
		roundRevision(round.id),
		version.id,
		version.hash,
		roundPhase(times, now),
		roundCommentRefusal('public', times, now) ?? '-',
		chinaDay(now),
		localeOf(cookies)
	].join('|');
	const hit = renderedPublicPages.get(token, key);
	if (hit && hit.versionHash === version.hash) {
		if (now - hit.verifiedAt < VERIFY_EVERY_MS) return respond(hit);
		if (loadVerifiedVersion(version.id)?.ok) {
			hit.verifiedAt = now;
			return respond(hit);
		}
		// The frozen bytes changed under the entry: render again (the page shows the failure).
		renderedPublicPages.delete(token);
	}
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	if (
		response.status !== 200 ||
		!type.startsWith('text/html') ||
		response.headers.has('set-cookie')
	)
		return response;
	const body = await response.text();
	const headers = [...response.headers.entries()].filter(([k]) => k !== 'content-length');
	const csp = response.headers.get('content-security-policy') ?? '';
	renderedPublicPages.put(token, {
		key,
		versionHash: version.hash,
		versionId: version.id,
		body,
		nonce: NONCE.exec(csp)?.[1] ?? null,
		status: response.status,
		headers,
		verifiedAt: now
	});
	const fresh = new Headers(headers);
	fresh.set('x-lantu-cache', 'miss');
	return new Response(body, { status: response.status, headers: fresh });
};

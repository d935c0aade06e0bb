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
 *   and the reader's language.
 *
 * Only anonymous GETs are served or stored: a request with a session cookie (member, signed-in
 * reader, or a stale cookie) always renders for itself, and a response that sets a cookie is never
 * stored — so nothing per-user crosses readers. The CSP nonce of SvelteKit's bootstrap script is
 * replaced with a fresh one on every response. Verified on read: the entry must name the version
 * hash recorded now (every request), and at least every VERIFY_EVERY_MS its bytes must still hash to
 * what was stored and the frozen version must pass its full check (integrity.ts) — otherwise the
 * page is rendered again (showing the failure); tampering through SQL changes the revision at once,
 * tampering around the database's triggers is refused within that time. Hashing 200 KiB on every
 * hit would cost more than serving it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Handle } from '@sveltejs/kit/hooks';
import { cookieName as LOCALE_COOKIE, locales } from '../../paraglide/runtime.js';
import { roundPhase } from '../../consultation/period.ts';
import { roundCommentRefusal } from '../../policy/index.ts';
import { SESSION_COOKIE } from '../auth/session.ts';
import { logger } from '../log.ts';
import { loadVerifiedVersion } from '../workflow/integrity.ts';
import { roundTimes } from './round-data.ts';
import { publicLinkFacts } from './round-revision.ts';

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
	/** The page as rendered (UTF-8), with SvelteKit's nonce in it. */
	body: Buffer;
	/** SHA-256 of `body` when stored. */
	digest: string;
	/** The nonce SvelteKit put in the body and the CSP header, replaced on every response. */
	nonce: string | null;
	/** Byte offsets of `nonce` in `body`, found once when stored. */
	nonceAt: number[];
	status: number;
	headers: [string, string][];
	/** When the bytes and the frozen version were last verified. */
	verifiedAt: number;
}

const digestOf = (body: Buffer) => createHash('sha256').update(body).digest('hex');

function offsetsOf(body: Buffer, needle: string | null): number[] {
	if (!needle) return [];
	const at: number[] = [];
	for (let i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length))
		at.push(i);
	return at;
}

/**
 * Rendered pages by public token. `get` returns a page stored under the key; at least every
 * VERIFY_EVERY_MS it first checks that the bytes still hash to what was stored (dropping the page
 * otherwise) and says the frozen version is due for its own check (`due`).
 */
export class RenderedPages {
	readonly #pages = new Map<string, RenderedPage>();

	get(
		token: string,
		key: string,
		now = Date.now()
	): { page: RenderedPage; due: boolean } | undefined {
		const page = this.#pages.get(token);
		if (!page || page.key !== key) return undefined;
		const due = now - page.verifiedAt >= VERIFY_EVERY_MS;
		if (due && digestOf(page.body) !== page.digest) {
			log.error({ token: token.slice(0, 6), key }, 'cached public page altered; rendered again');
			this.#pages.delete(token);
			return undefined;
		}
		return { page, due };
	}

	put(token: string, page: Omit<RenderedPage, 'digest' | 'nonceAt'>): void {
		this.#pages.delete(token);
		if (this.#pages.size >= MAX_ENTRIES) {
			const oldest = this.#pages.keys().next().value;
			if (oldest !== undefined) this.#pages.delete(oldest);
		}
		this.#pages.set(token, {
			...page,
			digest: digestOf(page.body),
			nonceAt: offsetsOf(page.body, page.nonce)
		});
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

const LOCALE_IN_COOKIES = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`);

function localeOf(cookieHeader: string | null): string {
	const match = cookieHeader?.match(LOCALE_IN_COOKIES);
	const value = match?.[1];
	return value && (locales as readonly string[]).includes(value) ? value : locales[0];
}

function hasSession(cookieHeader: string | null): boolean {
	return cookieHeader?.split(';').some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`)) ?? false;
}

const NONCE = /'nonce-([^']+)'/;

/**
 * The stored page with a fresh nonce in its body and CSP header: the stored bytes are streamed in
 * slices around the nonce, not copied (a 200 KiB copy per reader was most of the garbage collected).
 */
function respond(page: RenderedPage): Response {
	const fresh = randomBytes(16).toString('base64');
	const freshBytes = Buffer.from(fresh);
	const pieces: Uint8Array[] = [];
	let from = 0;
	for (const at of page.nonceAt) {
		pieces.push(page.body.subarray(from, at), freshBytes);
		from = at + (page.nonce?.length ?? 0);
	}
	pieces.push(page.body.subarray(from));
	const length = pieces.reduce((n, p) => n + p.length, 0);
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const piece of pieces) controller.enqueue(piece);
			controller.close();
		}
	});
	const headers = new Headers(
		page.headers.map(([k, v]): [string, string] => [
			k,
			page.nonce ? v.replaceAll(page.nonce, fresh) : v
		])
	);
	headers.set('content-length', String(length));
	headers.set('x-lantu-cache', 'hit');
	return new Response(body, { status: page.status, headers });
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
	const facts = publicLinkFacts(token);
	if (!facts) return resolve(event);
	const { round, versionHash } = facts;
	const now = Date.now();
	const times = roundTimes(round);
	const key = [
		facts.revision,
		round.versionId,
		versionHash,
		roundPhase(times, now),
		roundCommentRefusal('public', times, now) ?? '-',
		localeOf(cookies)
	].join('|');
	const hit = renderedPublicPages.get(token, key, now);
	if (hit && hit.page.versionHash === versionHash) {
		if (!hit.due) return respond(hit.page);
		if (loadVerifiedVersion(round.versionId)?.ok) {
			hit.page.verifiedAt = now;
			return respond(hit.page);
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
	const body = Buffer.from(await response.arrayBuffer());
	const headers = [...response.headers.entries()].filter(([k]) => k !== 'content-length');
	const csp = response.headers.get('content-security-policy') ?? '';
	renderedPublicPages.put(token, {
		key,
		versionHash,
		versionId: round.versionId,
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

import {
	sequence,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { deleteSessionCookie, setSessionCookie } from '#lib/server/auth/cookie.ts';
import {
	deleteExpiredSessions,
	SESSION_COOKIE,
	validateSessionToken
} from '#lib/server/auth/session.ts';
import { getCollab } from '#lib/server/collab.ts';
import { config } from '#lib/server/config.ts';
import { handlePublicRoundCache } from '#lib/server/consultation/public-page-cache.ts';
import { announceEndedRounds } from '#lib/server/consultation/rounds.ts';
import { startIndexBackfill } from '#lib/server/consultation/search-index.ts';
import { closeDb, getDb } from '#lib/server/db/index.ts';
import { remindDueSteps } from '#lib/server/workflow/task-notices.ts';
import { logger } from '#lib/server/log.ts';
import { startMail, stopMail } from '#lib/server/mail.ts';
import { pruneStoredLimits } from '#lib/server/rate-limit.ts';
import { seedDemoIfEmpty } from '#lib/server/seed/demo.ts';
import { badInputCode, isBadInputError } from '#lib/server/security/bad-input.ts';
import { ENDPOINT_HTML_CSP } from '#lib/server/security/csp.ts';
import { formBodyRefusal, readsAsForm } from '#lib/server/security/form-body.ts';
import { originRefusal } from '#lib/server/security/origin.ts';
import { instanceKey } from '#lib/server/verify/key.ts';
import { setDisplayTimeZone } from '#lib/dates.ts';
import { isDatabaseUnavailable } from '#lib/server/db/unavailable.ts';
import { m } from '#lib/paraglide/messages.js';

const log = logger('app');
const securityLog = logger('security');
const HOUR = 3_600_000;

export const init: ServerInit = async () => {
	setDisplayTimeZone(config.TIME_ZONE);
	getDb(); // opens the database and applies migrations
	instanceKey(); // the export signing key, created at first start
	if (config.SEED_DEMO) await seedDemoIfEmpty();
	getCollab();
	announceEndedRounds();
	startIndexBackfill(); // opinions written before the stored search index, once, in the background
	startMail();
	if (config.LANTU_TEST_CLOCK)
		log.warn('LANTU_TEST_CLOCK is on: /api/test/clock can move deadline time (tests only)');
	const housekeeping = setInterval(() => {
		try {
			deleteExpiredSessions();
			pruneStoredLimits();
			announceEndedRounds();
			remindDueSteps();
		} catch (error) {
			log.error({ err: error }, 'housekeeping failed');
		}
	}, HOUR);
	housekeeping.unref();
	process.once('sveltekit:shutdown', () => {
		clearInterval(housekeeping);
		stopMail();
		closeDb();
	});
};

const handleLocale: Handle = ({ event, resolve }) =>
	// The locale comes from a cookie, not the URL, so the request needs no rewriting.
	paraglideMiddleware(event.request, ({ locale }) => {
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = validateSessionToken(token);
	if (session) {
		setSessionCookie(
			event.cookies,
			token,
			session.absoluteExpiresAt,
			event.url.protocol === 'https:'
		);
	} else {
		deleteSessionCookie(event.cookies);
	}
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	// Pages carry SvelteKit's CSP; HTML from an endpoint (the print view) gets one that runs nothing.
	const isHtml = response.headers.get('content-type')?.startsWith('text/html') ?? false;
	if (isHtml && !response.headers.has('Content-Security-Policy')) {
		response.headers.set('Content-Security-Policy', ENDPOINT_HTML_CSP);
	}
	return response;
};

/** Refuses a state-changing request from a foreign (or no) Origin, JSON APIs included. */
const handleOrigin: Handle = ({ event, resolve }) => {
	const refusal = originRefusal(
		event.request.method,
		event.request.headers.get('origin'),
		event.url.origin,
		event.url.pathname
	);
	if (!refusal) return resolve(event);
	securityLog.warn(
		{ method: event.request.method, path: event.url.pathname, reason: refusal },
		'cross-site request refused'
	);
	return new Response(JSON.stringify({ message: 'Cross-site request refused' }), {
		status: 403,
		headers: { 'content-type': 'application/json' }
	});
};

/** A form post whose body is no form is a 400 here, not a 500 inside whichever action reads it. */
const handleMalformedForm: Handle = async ({ event, resolve }) => {
	if (!readsAsForm(event.request, event.url.pathname)) return resolve(event);
	const status = await formBodyRefusal(event.request);
	if (status === null) return resolve(event);
	securityLog.info(
		{ path: event.url.pathname, type: event.request.headers.get('content-type'), status },
		'form body refused'
	);
	const message = status === 413 ? 'Payload too large' : 'Malformed form body';
	return new Response(JSON.stringify({ message }), {
		status,
		headers: { 'content-type': 'application/json' }
	});
};

export const handle = sequence(
	handleSecurityHeaders,
	handleOrigin,
	handleMalformedForm,
	// Anonymous readers of a public round page get it rendered once per change (before locale and auth).
	handlePublicRoundCache,
	handleLocale,
	handleAuth
);

export const handleError: HandleServerError = ({ kind, error, event }) => {
	// App errors (error(404, ...)) and SvelteKit's own carry safe messages already.
	if (kind !== 'unknown') return;
	if (isBadInputError(error)) {
		// The database refused the data itself (a NUL, a number out of range): the request's fault.
		securityLog.warn(
			{ path: event.url.pathname, method: event.request.method, code: badInputCode(error) },
			'input the database cannot store refused'
		);
		return { status: 400, message: 'Invalid input' };
	}
	const errorId = crypto.randomUUID();
	if (isDatabaseUnavailable(error)) {
		log.warn({ err: error, errorId, path: event.url.pathname }, 'database unavailable');
		// Also the message of SvelteKit's fallback page (an error in a hook, before any layout).
		return {
			status: 503,
			message: m.error_unavailable({ id: errorId }),
			errorId,
			unavailable: true
		};
	}
	log.error({ err: error, errorId, path: event.url.pathname }, 'unexpected error');
	return { message: 'Internal error', errorId };
};

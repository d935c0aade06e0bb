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
import { pruneThrottle } from '#lib/server/auth/throttle.ts';
import { getCollab } from '#lib/server/collab.ts';
import { config } from '#lib/server/config.ts';
import { announceEndedRounds } from '#lib/server/consultation/rounds.ts';
import { closeDb, getDb } from '#lib/server/db/index.ts';
import { logger } from '#lib/server/log.ts';
import { seedDemoIfEmpty } from '#lib/server/seed/demo.ts';
import { instanceKey } from '#lib/server/verify/key.ts';
import { setDisplayTimeZone } from '#lib/dates.ts';

const log = logger('app');
const HOUR = 3_600_000;

export const init: ServerInit = async () => {
	setDisplayTimeZone(config.TIME_ZONE);
	getDb(); // opens the database and applies migrations
	instanceKey(); // the export signing key, created at first start
	if (config.SEED_DEMO) await seedDemoIfEmpty();
	getCollab();
	announceEndedRounds();
	const housekeeping = setInterval(() => {
		try {
			deleteExpiredSessions();
			pruneThrottle();
			announceEndedRounds();
		} catch (error) {
			log.error({ err: error }, 'housekeeping failed');
		}
	}, HOUR);
	housekeeping.unref();
	process.once('sveltekit:shutdown', () => {
		clearInterval(housekeeping);
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
	return response;
};

export const handle = sequence(handleSecurityHeaders, handleLocale, handleAuth);

export const handleError: HandleServerError = ({ kind, error, event }) => {
	// App errors (error(404, ...)) and SvelteKit's own carry safe messages already.
	if (kind !== 'unknown') return;
	const errorId = crypto.randomUUID();
	log.error({ err: error, errorId, path: event.url.pathname }, 'unexpected error');
	return { message: 'Internal error', errorId };
};

/**
 * Sessions as the Lucia guide (and `sv add lucia`) lays them out: a random token in an httpOnly
 * cookie, only its SHA-256 stored. Sliding idle expiry plus an absolute lifetime (OWASP ASVS 5 §7.3).
 * The web app and the collab server both validate through `validateSessionToken`.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, inArray, lt, ne, or } from 'drizzle-orm';
import { config } from '../config.ts';
import { getDb, schema } from '../db/index.ts';
import { logger } from '../log.ts';
import { announceSessionsEnded } from './session-events.ts';

const log = logger('auth');

export const SESSION_COOKIE = 'lantu-session';

const MINUTE = 60_000;
/** Extending on every request would write on every request; once a minute is precise enough. */
const EXTEND_AFTER = MINUTE;

/** 20 random bytes: 160 bits, above the 128 that ASVS asks of a session token. */
export function generateSessionToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function idleWindow(): number {
	return config.SESSION_IDLE_MINUTES * MINUTE;
}

export function createSession(token: string, userId: number, now = Date.now()) {
	const session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(now + idleWindow()),
		absoluteExpiresAt: new Date(now + config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE)
	};
	getDb().insert(schema.sessions).values(session).run();
	return session;
}

export function validateSessionToken(token: string, now = Date.now()) {
	const db = getDb();
	const id = hashToken(token);
	const row = db
		.select({
			user: {
				id: schema.users.id,
				username: schema.users.username,
				displayName: schema.users.displayName,
				organizationId: schema.users.organizationId,
				isSystemAdmin: schema.users.isSystemAdmin,
				disabledAt: schema.users.disabledAt
			},
			session: schema.sessions
		})
		.from(schema.sessions)
		.innerJoin(schema.users, eq(schema.sessions.userId, schema.users.id))
		.where(eq(schema.sessions.id, id))
		.get();
	if (!row) return { session: null, user: null };
	const { session, user } = row;
	if (!stillValid(session, user.disabledAt, now)) {
		endExpired(id);
		return { session: null, user: null };
	}
	renew(session, now);
	const { disabledAt: _disabled, ...publicUser } = user;
	return { session, user: publicUser };
}

/** Runs a write that a request may do without; a failure is logged and reported as false. */
function bestEffortWrite(what: string, write: () => unknown): boolean {
	try {
		write();
		return true;
	} catch (error) {
		log.warn({ err: error }, `${what} skipped: the database refused the write`);
		return false;
	}
}

/**
 * Ends a session found expired. Refused either way; removing the row is housekeeping that a full
 * disk may postpone — its sockets are told to close all the same.
 */
function endExpired(sessionId: string): void {
	const removed = bestEffortWrite('session removal', () =>
		endSessions({ sessionIds: [sessionId] })
	);
	if (!removed) announceSessionsEnded({ sessionIds: [sessionId] });
}

type SessionRow = typeof schema.sessions.$inferSelect;

/** The one rule for "may this session still be used": both lifetimes, and an enabled account. */
function stillValid(session: SessionRow, disabledAt: Date | null, now: number): boolean {
	return (
		now < session.expiresAt.getTime() && now < session.absoluteExpiresAt.getTime() && !disabledAt
	);
}

/**
 * Slides the idle expiry forward (never past the absolute end); writes at most once a minute. A
 * renewal the disk refuses (SQLITE_FULL, an I/O error) is skipped: the session is still valid until
 * its stored expiry, and the next request tries again (issue 11: this write used to throw out of the
 * /collab upgrade and stop the process).
 */
function renew(session: SessionRow, now: number): void {
	const renewed = Math.min(now + idleWindow(), session.absoluteExpiresAt.getTime());
	if (renewed - session.expiresAt.getTime() < Math.min(EXTEND_AFTER, idleWindow() / 4)) return;
	const stored = bestEffortWrite('session renewal', () =>
		getDb()
			.update(schema.sessions)
			.set({ expiresAt: new Date(renewed) })
			.where(eq(schema.sessions.id, session.id))
			.run()
	);
	if (stored) session.expiresAt = new Date(renewed);
}

/**
 * Re-checks a session a live socket was opened with (the collab server's sweep): ends it when it
 * expired, vanished or its account was disabled. `used` says the socket carried edits since the
 * last check — editing is use, so it renews the idle expiry as a page load would.
 */
export function checkSession(sessionId: string, used: boolean, now = Date.now()): boolean {
	const row = getDb()
		.select({ session: schema.sessions, disabledAt: schema.users.disabledAt })
		.from(schema.sessions)
		.innerJoin(schema.users, eq(schema.sessions.userId, schema.users.id))
		.where(eq(schema.sessions.id, sessionId))
		.get();
	if (!row) return false;
	if (!stillValid(row.session, row.disabledAt, now)) {
		endExpired(sessionId);
		return false;
	}
	if (used) renew(row.session, now);
	return true;
}

export type SessionValidationResult = ReturnType<typeof validateSessionToken>;
export type SessionUser = NonNullable<SessionValidationResult['user']>;

/**
 * Ends sessions — one by id (logout), or every session of a user but perhaps the current one
 * (password change, disabled account) — and announces it, so their live sockets close at once.
 */
export function endSessions(
	target: { sessionIds: string[] } | { userId: number; exceptSessionId?: string }
): void {
	const { sessions } = schema;
	const condition =
		'sessionIds' in target
			? inArray(sessions.id, target.sessionIds)
			: target.exceptSessionId
				? and(eq(sessions.userId, target.userId), ne(sessions.id, target.exceptSessionId))
				: eq(sessions.userId, target.userId);
	const ended = getDb()
		.delete(sessions)
		.where(condition)
		.returning({ id: sessions.id })
		.all()
		.map((r) => r.id);
	// Announce the ids asked for too: a socket can outlive a row that is already gone.
	const sessionIds =
		'sessionIds' in target ? [...new Set([...target.sessionIds, ...ended])] : ended;
	announceSessionsEnded({
		sessionIds,
		user:
			'userId' in target
				? { id: target.userId, exceptSessionId: target.exceptSessionId }
				: undefined
	});
}

export function invalidateSession(sessionId: string): void {
	endSessions({ sessionIds: [sessionId] });
}

/** Ends every session of a user at once (disabled account, password change elsewhere). */
export function invalidateUserSessions(userId: number, exceptSessionId?: string): void {
	endSessions({ userId, exceptSessionId });
}

/** Removes sessions that can no longer be used; run now and then, not on the request path. */
export function deleteExpiredSessions(now = Date.now()): number {
	const at = new Date(now);
	return getDb()
		.delete(schema.sessions)
		.where(or(lt(schema.sessions.expiresAt, at), lt(schema.sessions.absoluteExpiresAt, at)))
		.run().changes;
}

/**
 * Sessions as the Lucia guide (and `sv add lucia`) lays them out: a random token in an httpOnly
 * cookie, only its SHA-256 stored. Sliding idle expiry plus an absolute lifetime (OWASP ASVS 5 §7.3).
 * The web app and the collab server both validate through `validateSessionToken`.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import { config } from '../config.ts';
import { getDb, schema } from '../db/index.ts';
import { logger } from '../log.ts';

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
	const expired = now >= session.expiresAt.getTime() || now >= session.absoluteExpiresAt.getTime();
	if (expired || user.disabledAt) {
		// Refused either way; removing the row is housekeeping that a full disk may postpone.
		bestEffortWrite('session removal', () =>
			db.delete(schema.sessions).where(eq(schema.sessions.id, id)).run()
		);
		return { session: null, user: null };
	}
	const renewed = Math.min(now + idleWindow(), session.absoluteExpiresAt.getTime());
	if (renewed - session.expiresAt.getTime() >= EXTEND_AFTER) {
		// A renewal the disk refuses (SQLITE_FULL, an I/O error) is skipped: the session is still valid
		// until its stored expiry, and the next request tries again (issue 11: this write used to throw
		// out of the /collab upgrade and stop the process).
		const stored = bestEffortWrite('session renewal', () =>
			db
				.update(schema.sessions)
				.set({ expiresAt: new Date(renewed) })
				.where(eq(schema.sessions.id, id))
				.run()
		);
		if (stored) session.expiresAt = new Date(renewed);
	}
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

export type SessionValidationResult = ReturnType<typeof validateSessionToken>;
export type SessionUser = NonNullable<SessionValidationResult['user']>;

export function invalidateSession(sessionId: string): void {
	getDb().delete(schema.sessions).where(eq(schema.sessions.id, sessionId)).run();
}

/** Ends every session of a user at once (disabled account, password change elsewhere). */
export function invalidateUserSessions(userId: number, exceptSessionId?: string): void {
	const db = getDb();
	const condition = exceptSessionId
		? and(eq(schema.sessions.userId, userId), ne(schema.sessions.id, exceptSessionId))
		: eq(schema.sessions.userId, userId);
	db.delete(schema.sessions).where(condition).run();
}

/** Removes sessions that can no longer be used; run now and then, not on the request path. */
export function deleteExpiredSessions(now = Date.now()): number {
	const at = new Date(now);
	return getDb()
		.delete(schema.sessions)
		.where(or(lt(schema.sessions.expiresAt, at), lt(schema.sessions.absoluteExpiresAt, at)))
		.run().changes;
}

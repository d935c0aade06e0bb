/**
 * Issue 11, item 3: a session renewal the database refuses (full disk, I/O error) is skipped; the
 * still-valid session is returned and nothing throws out of the request.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertTestUsers } from '../../../../tests/helpers/unit-users.ts';
import { getDb, schema } from '../db/index.ts';
import { createSession, generateSessionToken, hashToken, validateSessionToken } from './session.ts';

const MINUTE = 60_000;
let userId: number;

beforeAll(() => {
	[userId] = insertTestUsers('renewal-user');
});

afterEach(() => {
	getDb().$client.exec(
		'DROP TRIGGER IF EXISTS refuse_update; DROP TRIGGER IF EXISTS refuse_delete'
	);
});

function refuseWrites() {
	getDb().$client.exec(`
		CREATE TRIGGER refuse_update BEFORE UPDATE ON sessions
			BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
		CREATE TRIGGER refuse_delete BEFORE DELETE ON sessions
			BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);
}

function storedExpiry(token: string): number {
	const row = getDb()
		.select()
		.from(schema.sessions)
		.where(eq(schema.sessions.id, hashToken(token)))
		.get();
	return row!.expiresAt.getTime();
}

describe('session renewal on a refusing disk', () => {
	it('skips the renewal and keeps the session valid until its stored expiry', () => {
		const token = generateSessionToken();
		const start = Date.now();
		createSession(token, userId, start);
		const before = storedExpiry(token);
		refuseWrites();
		const later = start + 30 * MINUTE;
		const { session, user } = validateSessionToken(token, later);
		expect(user?.id).toBe(userId);
		expect(session?.expiresAt.getTime()).toBe(before); // not claimed renewed
		expect(storedExpiry(token)).toBe(before);
	});

	it('renews again once the disk accepts writes', () => {
		const token = generateSessionToken();
		const start = Date.now();
		createSession(token, userId, start);
		const later = start + 30 * MINUTE;
		const { session } = validateSessionToken(token, later);
		expect(session!.expiresAt.getTime()).toBe(storedExpiry(token));
		expect(storedExpiry(token)).toBeGreaterThan(start + 30 * MINUTE);
	});

	it('refuses an expired session even when its removal fails', () => {
		const token = generateSessionToken();
		const start = Date.now();
		createSession(token, userId, start);
		refuseWrites();
		const { session, user } = validateSessionToken(token, start + 24 * 60 * MINUTE);
		expect(session).toBeNull();
		expect(user).toBeNull();
	});
});

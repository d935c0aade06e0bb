import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertTestUsers } from '../../../../tests/helpers/unit-users.ts';
import { getDb, schema } from '../db/index.ts';
import { config } from '../config.ts';
import {
	createSession,
	generateSessionToken,
	hashToken,
	invalidateUserSessions,
	validateSessionToken
} from './session.ts';

const MINUTE = 60_000;
let userId: number;
let otherUserId: number;

beforeAll(() => {
	[userId, otherUserId] = insertTestUsers('session-user', 'other-user');
});

describe('session tokens', () => {
	it('carry at least 128 bits of randomness and never repeat', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
		expect(tokens.size).toBe(1000);
		for (const token of tokens) {
			// base32: 5 bits per character
			expect(token.length * 5).toBeGreaterThanOrEqual(128);
			expect(token).toMatch(/^[a-z2-7]+$/);
		}
	});

	it('are stored only as their SHA-256', () => {
		const token = generateSessionToken();
		const session = createSession(token, userId);
		expect(session.id).toBe(hashToken(token));
		expect(session.id).toMatch(/^[0-9a-f]{64}$/);
		expect(session.id).not.toContain(token);
		const row = getDb()
			.select()
			.from(schema.sessions)
			.where(eq(schema.sessions.id, session.id))
			.get();
		expect(JSON.stringify(row)).not.toContain(token);
	});
});

describe('validation', () => {
	it('accepts a fresh session and returns the user without secrets', () => {
		const token = generateSessionToken();
		createSession(token, userId);
		const { user, session } = validateSessionToken(token);
		expect(session).not.toBeNull();
		expect(user?.username).toBe('session-user');
		expect(user).not.toHaveProperty('passwordHash');
	});

	it('refuses unknown tokens', () => {
		expect(validateSessionToken('not-a-real-token').user).toBeNull();
	});

	it('slides the idle expiry forward while used, but never past the absolute lifetime', () => {
		const t0 = Date.UTC(2026, 10, 24, 1, 0);
		const token = generateSessionToken();
		const created = createSession(token, userId, t0);
		const idle = config.SESSION_IDLE_MINUTES * MINUTE;
		expect(created.expiresAt.getTime()).toBe(t0 + idle);

		const later = t0 + idle / 2;
		const { session } = validateSessionToken(token, later);
		expect(session?.expiresAt.getTime()).toBe(later + idle);

		// Keep using it until just before the absolute end: still capped there.
		const absolute = created.absoluteExpiresAt.getTime();
		let now = later;
		while (now + idle / 2 < absolute) {
			now += idle / 2;
			const result = validateSessionToken(token, now);
			expect(result.session).not.toBeNull();
			expect(result.session?.expiresAt.getTime()).toBeLessThanOrEqual(absolute);
		}
		expect(validateSessionToken(token, absolute).session).toBeNull();
	});

	it('ends a session left idle longer than the idle window', () => {
		const t0 = Date.UTC(2026, 10, 24, 2, 0);
		const token = generateSessionToken();
		createSession(token, userId, t0);
		const idle = config.SESSION_IDLE_MINUTES * MINUTE;
		expect(validateSessionToken(token, t0 + idle + 1).session).toBeNull();
		// and it is gone for good, even if asked at an earlier time again
		expect(validateSessionToken(token, t0 + 1).session).toBeNull();
	});

	it('refuses the sessions of a disabled account', () => {
		const token = generateSessionToken();
		createSession(token, otherUserId);
		getDb()
			.update(schema.users)
			.set({ disabledAt: new Date() })
			.where(eq(schema.users.id, otherUserId))
			.run();
		expect(validateSessionToken(token).user).toBeNull();
		getDb()
			.update(schema.users)
			.set({ disabledAt: null })
			.where(eq(schema.users.id, otherUserId))
			.run();
	});
});

describe('invalidateUserSessions', () => {
	it('ends every session of the user, or all but the current one', () => {
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		const keep = createSession(a, userId);
		createSession(b, userId);
		const other = generateSessionToken();
		createSession(other, otherUserId);
		invalidateUserSessions(userId, keep.id);
		expect(validateSessionToken(a).session).not.toBeNull();
		expect(validateSessionToken(b).session).toBeNull();
		createSession(c, userId);
		invalidateUserSessions(userId);
		expect(validateSessionToken(a).session).toBeNull();
		expect(validateSessionToken(c).session).toBeNull();
		expect(validateSessionToken(other).session).not.toBeNull();
	});
});

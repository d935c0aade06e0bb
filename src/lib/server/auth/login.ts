/** Password login with throttling and audit; the form action only maps the outcome to a message. */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import {
	accountKey,
	clearFailures,
	ipKey,
	lockedFor,
	MAX_FAILURES_PER_ACCOUNT,
	MAX_FAILURES_PER_IP,
	recordFailure
} from './throttle.ts';

export type LoginOutcome =
	| { ok: true; userId: number }
	| { ok: false; reason: 'invalid' | 'disabled' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function attemptLogin(
	usernameInput: string,
	password: string,
	ip: string
): Promise<LoginOutcome> {
	const username = usernameInput.trim().toLowerCase();
	const account = accountKey(username);
	const address = ipKey(ip);
	const wait = Math.max(lockedFor(account), lockedFor(address));
	if (wait > 0)
		return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };

	const user = getDb().select().from(schema.users).where(eq(schema.users.username, username)).get();
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
	if (!user || !valid) {
		recordFailure(account, MAX_FAILURES_PER_ACCOUNT);
		recordFailure(address, MAX_FAILURES_PER_IP);
		appendAudit({ action: 'login.failed', actorId: user?.id ?? null, target: username, ip });
		return { ok: false, reason: 'invalid' };
	}
	if (user.disabledAt) return { ok: false, reason: 'disabled' };
	clearFailures(account);
	appendAudit({ action: 'login', actorId: user.id, ip });
	return { ok: true, userId: user.id };
}

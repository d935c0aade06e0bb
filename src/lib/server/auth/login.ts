/** Password login with throttling and audit; the form action only maps the outcome to a message. */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { verifyPasswordThrottled } from './throttle.ts';

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
	const user = getDb().select().from(schema.users).where(eq(schema.users.username, username)).get();
	const check = await verifyPasswordThrottled(username, user?.passwordHash, password, ip);
	if (!check.ok && check.reason === 'throttled') return check;
	if (!user || !check.ok) {
		appendAudit({ action: 'login.failed', actorId: user?.id ?? null, target: username, ip });
		return { ok: false, reason: 'invalid' };
	}
	if (user.disabledAt) return { ok: false, reason: 'disabled' };
	appendAudit({ action: 'login', actorId: user.id, ip });
	return { ok: true, userId: user.id };
}

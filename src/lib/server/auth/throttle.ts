/**
 * Password checks, throttled (OWASP ASVS 5 §6.3) — the login, the account page's current-password
 * check and the password re-entered to sign off (签发) all go through `verifyPasswordThrottled`.
 *
 * Design (README "Login throttling"):
 * - per (account, address) pair: 5 failed attempts per 15 minutes, then that pair waits 15 minutes.
 *   This is what stops guessing; it never touches the owner trying from another address.
 * - per address: 100 failed attempts per 15 minutes over all accounts (a generous cap: a city may
 *   sit behind one proxy), then 15 minutes off.
 * - per account, from anywhere: after 10 failures in 15 minutes each further attempt is *slowed*
 *   (1 s, 2 s, 4 s … at most 10 s) but never refused — someone who knows a username can make its
 *   owner wait a little, but cannot lock them out (the old lock doubled up to an hour).
 * An attempt is reserved in every counter *before* the (asynchronous) argon2 verification, so 60
 * parallel guesses cannot all be evaluated; a correct password gives its reservation back.
 */
import { giveBack, forget, stored, take, type Limit } from '../rate-limit.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';

const WINDOW = 15 * 60;
export const PAIR_LIMIT: Limit = { points: 5, seconds: WINDOW, blockSeconds: WINDOW };
export const ADDRESS_LIMIT: Limit = { points: 100, seconds: WINDOW, blockSeconds: WINDOW };
/** Failures per account before the slow-down starts; the limiter itself never refuses. */
export const ACCOUNT_FREE_FAILURES = 10;
const MAX_DELAY_MS = 10_000;

const pair = stored('pw-pair', PAIR_LIMIT);
const address = stored('pw-address', ADDRESS_LIMIT);
const account = stored('pw-account', { points: 1_000_000, seconds: WINDOW });

export type PasswordCheck =
	| { ok: true }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** The slow-down for the n-th attempt on an account within the window (0 while under the free ones). */
export function accountDelayMs(attempt: number): number {
	const over = attempt - ACCOUNT_FREE_FAILURES;
	return over <= 0 ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (over - 1));
}

/**
 * Verifies `password` against `passwordHash` (undefined: no such account — verified against a dummy
 * hash so the answer takes as long and counts the same) for `username` from `ip`.
 */
export async function verifyPasswordThrottled(
	usernameInput: string,
	passwordHash: string | undefined,
	password: string,
	ip: string
): Promise<PasswordCheck> {
	const username = usernameInput.trim().toLowerCase();
	const pairKey = `${username}|${ip}`;
	// Reserve first: both counters are incremented atomically before anything is awaited for real.
	const [byPair, byAddress] = await Promise.all([take(pair(), pairKey), take(address(), ip)]);
	if (!byPair.ok || !byAddress.ok) {
		const waits = [byPair, byAddress].map((t) => (t.ok ? 0 : t.retryAfterMs));
		return {
			ok: false,
			reason: 'throttled',
			retryAfterSeconds: Math.ceil(Math.max(...waits) / 1000)
		};
	}
	const byAccount = await take(account(), username);
	const delay = byAccount.ok ? accountDelayMs(byAccount.consumed) : MAX_DELAY_MS;
	if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

	const valid = await verifyPassword(passwordHash ?? (await dummyPasswordHash()), password);
	if (!valid || passwordHash === undefined) return { ok: false, reason: 'wrong' };
	await Promise.all([
		forget(pair(), pairKey),
		giveBack(address(), ip),
		giveBack(account(), username)
	]);
	return { ok: true };
}

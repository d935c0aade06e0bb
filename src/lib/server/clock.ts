/**
 * "Now" for sign-off deadlines and reminders (issue 14). In production it is the system clock.
 * With LANTU_TEST_CLOCK=1 a test may move it (`/api/test/clock`, loopback and system admin only),
 * so a deadline can pass without waiting days or rewriting rows. Only deadlines and reminders read
 * it: the timestamps the server records (versions, signatures, audit) stay the system's.
 */
import { config } from './config.ts';

/** Milliseconds the test clock is ahead of (or behind) the system clock. */
let offset = 0;

export function now(): number {
	return Date.now() + offset;
}

/** Moves "now" to `target` (ms); it keeps running from there. Refused without LANTU_TEST_CLOCK. */
export function setTestNow(target: number): void {
	if (!config.LANTU_TEST_CLOCK) throw new Error('the test clock is off (LANTU_TEST_CLOCK)');
	offset = target - Date.now();
}

/** Back to the system clock. */
export function resetTestClock(): void {
	offset = 0;
}

import { describe, expect, it } from 'vitest';
import { hashPassword } from './password.ts';
import { accountDelayMs, ACCOUNT_FREE_FAILURES, verifyPasswordThrottled } from './throttle.ts';

describe('verifyPasswordThrottled', () => {
	it('reserves before verifying: of 20 parallel guesses from one address at most 5 are evaluated', async () => {
		const hash = await hashPassword('right-password');
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				verifyPasswordThrottled('parallel-user', hash, `guess-${i}`, '192.0.2.1')
			)
		);
		const evaluated = results.filter((r) => !r.ok && r.reason === 'wrong');
		expect(evaluated.length).toBe(5);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBe(15);
		// Even the right password waits at that address …
		const again = await verifyPasswordThrottled(
			'parallel-user',
			hash,
			'right-password',
			'192.0.2.1'
		);
		expect(again).toMatchObject({ ok: false, reason: 'throttled' });
		// … while the owner's own address is not touched.
		expect(
			await verifyPasswordThrottled('parallel-user', hash, 'right-password', '198.51.100.1')
		).toEqual({ ok: true });
	});

	it('treats an unknown account like a wrong password, and counts it the same', async () => {
		for (let i = 0; i < 5; i++) {
			expect(await verifyPasswordThrottled('nobody', undefined, 'x', '192.0.2.2')).toEqual({
				ok: false,
				reason: 'wrong'
			});
		}
		expect(await verifyPasswordThrottled('nobody', undefined, 'x', '192.0.2.2')).toMatchObject({
			reason: 'throttled'
		});
	});
});

describe('the per-account slow-down', () => {
	it('starts after the free failures, doubles, and stays at most 10 s — never a lock', () => {
		expect(accountDelayMs(ACCOUNT_FREE_FAILURES)).toBe(0);
		expect(accountDelayMs(ACCOUNT_FREE_FAILURES + 1)).toBe(1000);
		expect(accountDelayMs(ACCOUNT_FREE_FAILURES + 2)).toBe(2000);
		expect(accountDelayMs(ACCOUNT_FREE_FAILURES + 50)).toBe(10_000);
	});
});

import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, schema } from '../db/index.ts';
import { newChallenge, requireWork, signingSecret } from './pow.ts';

const HOUR = 3600_000;

/** What the browser sends: the challenge it fetched and the counter it found. */
async function solved(challenge: Challenge): Promise<string> {
	const solution = await solveChallenge({ challenge, deriveKey });
	if (!solution) throw new Error('not solved');
	return Buffer.from(
		JSON.stringify({
			challenge: { parameters: challenge.parameters, signature: challenge.signature },
			solution
		})
	).toString('base64');
}

describe('the proof-of-work secret', () => {
	it('is kept in the database: a challenge names it and verifies once', async () => {
		const challenge = await newChallenge();
		const kid = challenge.parameters.data?.kid;
		const row = getDb()
			.select()
			.from(schema.powSecrets)
			.where(eq(schema.powSecrets.id, Number(kid)))
			.get();
		expect(row?.secret).toMatch(/^[0-9a-f]{64}$/);
		const payload = await solved(challenge);
		await expect(requireWork(payload)).resolves.toBeUndefined();
		await expect(requireWork(payload)).rejects.toMatchObject({ code: 'pow-failed' });
	});

	it('rotates after a day; the old secret verifies until its challenges expire, then not', async () => {
		const before = signingSecret();
		const old = await newChallenge();
		expect(Number(old.parameters.data?.kid)).toBe(before.id);
		const next = signingSecret(Date.now() + 24 * HOUR + 60_000);
		expect(next.id).not.toBe(before.id);
		expect(next.secret).not.toBe(before.secret);
		// Signed before the rotation, answered after it: accepted.
		await expect(requireWork(await solved(old))).resolves.toBeUndefined();

		// A secret past its last challenge's expiry no longer verifies anything.
		const stale = await newChallenge();
		getDb()
			.update(schema.powSecrets)
			.set({ createdAt: new Date(Date.now() - 26 * HOUR) })
			.where(eq(schema.powSecrets.id, Number(stale.parameters.data?.kid)))
			.run();
		await expect(requireWork(await solved(stale))).rejects.toMatchObject({ code: 'pow-failed' });
	});

	it('refuses a challenge naming a secret that does not exist, or re-signed with a guess', async () => {
		const challenge = await newChallenge();
		const forged = {
			...challenge,
			parameters: { ...challenge.parameters, data: { kid: 999_999 } }
		};
		await expect(requireWork(await solved(forged))).rejects.toMatchObject({ code: 'pow-failed' });
		await expect(requireWork('not base64 json')).rejects.toMatchObject({ code: 'pow-failed' });
	});
});

/**
 * Proof of work on the public comment form (issue 15), self-hosted with altcha-lib: the browser
 * fetches a signed challenge, spends about a second finding the counter (SHA-256), and sends the
 * solution with the comment. A bot posting thousands of comments pays
 * that second each time; a resident does not notice. Each challenge is accepted once (its nonce is
 * spent in the database's rate-limit table, so a replay is refused across restarts and instances).
 */
import { randomBytes } from 'node:crypto';
import {
	createChallenge,
	randomInt,
	verifySolution,
	type Challenge,
	type Solution
} from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { stored, take } from '../rate-limit.ts';

/** Counters a solver tries on average half of; ~1 s in a phone browser. */
const MAX_COUNTER = 50_000;
const LIFETIME_SECONDS = 20 * 60;

/**
 * The signing secret of this process. Challenges are short-lived, so a restart only makes an open
 * form fetch a new one; several instances behind one balancer would need a shared secret here.
 */
const SECRET = randomBytes(32).toString('hex');

const spent = stored('pow-spent', { points: 1, seconds: LIFETIME_SECONDS + 60 });

export async function newChallenge(): Promise<Challenge> {
	return createChallenge({
		algorithm: 'SHA-256',
		cost: 1,
		counter: randomInt(MAX_COUNTER),
		deriveKey,
		expiresAt: Math.floor(Date.now() / 1000) + LIFETIME_SECONDS,
		hmacSignatureSecret: SECRET
	});
}

const PayloadSchema = z.object({
	challenge: z.object({
		parameters: z.looseObject({ nonce: z.string().min(1).max(200) }),
		signature: z.string().min(1).max(500)
	}),
	solution: z.object({
		counter: z.number().int().min(0),
		derivedKey: z.string().min(1).max(500),
		time: z.number().optional()
	})
});

/** Checks the form's `altcha` field (base64 JSON); refuses with 400 `pow-failed`. */
export async function requireWork(field: string | undefined): Promise<void> {
	let payload: z.infer<typeof PayloadSchema>;
	try {
		payload = PayloadSchema.parse(JSON.parse(Buffer.from(field ?? '', 'base64').toString('utf8')));
	} catch {
		throw new DomainError('pow-failed', {}, 400);
	}
	const result = await verifySolution({
		challenge: payload.challenge as unknown as Challenge,
		solution: payload.solution as Solution,
		deriveKey,
		hmacSignatureSecret: SECRET
	});
	if (!result.verified) throw new DomainError('pow-failed', {}, 400);
	const once = await take(spent(), payload.challenge.parameters.nonce);
	if (!once.ok) throw new DomainError('pow-failed', {}, 400);
}

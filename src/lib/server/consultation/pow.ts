/**
 * Proof of work on the public comment form (issue 15), self-hosted with altcha-lib: the browser
 * fetches a signed challenge, spends about a second finding the counter (SHA-256), and sends the
 * solution with the comment. A bot posting thousands of comments pays
 * that second each time; a resident does not notice. Each challenge is accepted once (its nonce is
 * spent in the database's rate-limit table, so a replay is refused across restarts and instances).
 *
 * The signing secrets live in the database (`pow_secrets`): every instance sharing it, and the same
 * process after a restart, verifies what another signed. A challenge names its secret (`kid`, inside
 * the signed parameters); a new secret is made once the newest is a day old, and an older one still
 * verifies until the last challenge it signed has expired, then it is deleted.
 */
import { randomBytes } from 'node:crypto';
import { desc, eq, lt } from 'drizzle-orm';
import {
	createChallenge,
	randomInt,
	verifySolution,
	type Challenge,
	type Solution
} from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { z } from 'zod';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { stored, take } from '../rate-limit.ts';

/** Counters a solver tries on average half of; ~1 s in a phone browser. */
const MAX_COUNTER = 50_000;
const LIFETIME_SECONDS = 20 * 60;
/** A secret signs new challenges for a day. */
const ROTATE_MS = 24 * 3600_000;
/** …and verifies for as long as a challenge it signed may still be answered. */
const VERIFIES_MS = ROTATE_MS + (LIFETIME_SECONDS + 60) * 1000;

/** The secret to sign with now: the newest, or a fresh one once that is a day old. */
export function signingSecret(now = Date.now()): { id: number; secret: string } {
	const s = schema.powSecrets;
	const db = getDb();
	return db.transaction(
		() => {
			const newest = db
				.select({ id: s.id, secret: s.secret, createdAt: s.createdAt })
				.from(s)
				.orderBy(desc(s.id))
				.limit(1)
				.get();
			if (newest && now - newest.createdAt.getTime() < ROTATE_MS) return newest;
			db.delete(s)
				.where(lt(s.createdAt, new Date(now - VERIFIES_MS)))
				.run();
			return db
				.insert(s)
				.values({ secret: randomBytes(32).toString('hex'), createdAt: new Date(now) })
				.returning({ id: s.id, secret: s.secret })
				.get();
		},
		// Two instances rotating at once: the second waits and then finds the first one's secret.
		{ behavior: 'immediate' }
	);
}

/** The secret a challenge names, while it may still verify. */
function verifyingSecret(id: number, now = Date.now()): string | undefined {
	const s = schema.powSecrets;
	const row = getDb()
		.select({ secret: s.secret, createdAt: s.createdAt })
		.from(s)
		.where(eq(s.id, id))
		.get();
	if (!row || now - row.createdAt.getTime() > VERIFIES_MS) return undefined;
	return row.secret;
}

const spent = stored('pow-spent', { points: 1, seconds: LIFETIME_SECONDS + 60 });

export async function newChallenge(): Promise<Challenge> {
	const { id, secret } = signingSecret();
	return createChallenge({
		algorithm: 'SHA-256',
		cost: 1,
		counter: randomInt(MAX_COUNTER),
		deriveKey,
		data: { kid: id },
		expiresAt: Math.floor(Date.now() / 1000) + LIFETIME_SECONDS,
		hmacSignatureSecret: secret
	});
}

const PayloadSchema = z.object({
	challenge: z.object({
		parameters: z.looseObject({
			nonce: z.string().min(1).max(200),
			data: z.looseObject({ kid: z.number().int().positive() })
		}),
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
	// An unknown or retired secret: the form fetches a new challenge (its error state says so).
	const secret = verifyingSecret(payload.challenge.parameters.data.kid);
	if (!secret) throw new DomainError('pow-failed', {}, 400);
	const result = await verifySolution({
		challenge: payload.challenge as unknown as Challenge,
		solution: payload.solution as Solution,
		deriveKey,
		hmacSignatureSecret: secret
	});
	if (!result.verified) throw new DomainError('pow-failed', {}, 400);
	const once = await take(spent(), payload.challenge.parameters.nonce);
	if (!once.ok) throw new DomainError('pow-failed', {}, 400);
}

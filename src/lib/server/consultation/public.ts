/**
 * A round's optional public link: anyone with the unguessable URL comments without an account,
 * giving a name and optionally a contact. Comments are held for moderation; plan administrators
 * approve them (then they are shown and answered like members' comments) or hide them with a
 * reason. Submissions are limited per client address and per contact, counted in the database, and
 * need a proof of work (pow.ts); everything is audited (the address only as a salted hash).
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Stance } from '../../consultation/report.ts';
import { canModeratePublic, roundCommentRefusal } from '../../policy/index.ts';
import { getMembership } from '../access.ts';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { indexOpinion } from './search-index.ts';
import { assertRecordOpen } from './record.ts';
import { cleanCommentBody } from '../comment-body.ts';
import { DomainError } from '../errors.ts';
import { stored, take } from '../rate-limit.ts';
import { resolveAnchor, type PassageAnchor } from './comments.ts';
import type { Actor } from '../actor.ts';
import { getRound, roundTimes, type ConsultationRound } from './round-data.ts';

/** Public comments one address may submit per window. */
export const PUBLIC_LIMIT = { perWindow: 5, windowMs: 10 * 60_000 } as const;
/** Public comments one contact (phone or e-mail given) may submit per day, from any address. */
export const CONTACT_LIMIT = { perDay: 20 } as const;

// Counted in the database: they survive a restart and hold across instances sharing it.
const publicLimiter = stored('public-comments', {
	points: PUBLIC_LIMIT.perWindow,
	seconds: PUBLIC_LIMIT.windowMs / 1000
});
const contactLimiter = stored('public-comments-contact', {
	points: CONTACT_LIMIT.perDay,
	seconds: 24 * 3600
});

function refuse(retryAfterMs: number): never {
	const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
	throw new DomainError('public-rate-limited', { minutes }, 429);
}

/** Counts a submission from an address (and its contact, when given); throws when over a limit. */
export async function throttlePublic(ip: string, contact?: string | null): Promise<void> {
	const byAddress = await take(publicLimiter(), ip);
	if (!byAddress.ok) refuse(byAddress.retryAfterMs);
	const key = contact?.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
	if (!key) return;
	const byContact = await take(contactLimiter(), ipHash(`contact:${key}`));
	if (!byContact.ok) refuse(byContact.retryAfterMs);
}

function ipHash(ip: string): string {
	return createHash('sha256').update(`lantu-public:${ip}`).digest('hex').slice(0, 32);
}

export interface PublicInput extends PassageAnchor {
	stance: Stance;
	body: string;
	name: string;
	contact?: string;
}

export async function submitPublicComment(
	round: ConsultationRound,
	input: PublicInput,
	ip: string
): Promise<{ id: number }> {
	if (!round.publicToken) throw new DomainError('not-found', {}, 404);
	const refusal = roundCommentRefusal('public', roundTimes(round), Date.now());
	if (refusal) throw new DomainError(refusal, {}, 409);
	assertRecordOpen(round.planId, round.activity);
	const name = input.name.trim();
	if (!name) throw new DomainError('public-name-required');
	const body = cleanCommentBody(input.body);
	const anchor = resolveAnchor(round, input);
	await throttlePublic(ip, input.contact);
	const hashed = ipHash(ip);
	const db = getDb();
	const row = db.transaction(() => {
		const inserted = db
			.insert(schema.publicComments)
			.values({
				roundId: round.id,
				clause: input.clause,
				part: input.part,
				startOffset: input.start,
				endOffset: input.end,
				quote: anchor.quote,
				stance: input.stance,
				body,
				name: name.slice(0, 60),
				contact: input.contact?.trim().slice(0, 120) || null,
				ipHash: hashed
			})
			.returning({ id: schema.publicComments.id })
			.get();
		// Indexed while held: approval only changes its status, which the answer view filters on.
		indexOpinion(round.id, { publicCommentId: inserted.id }, { body, quote: anchor.quote });
		return inserted;
	});
	appendAudit({
		action: 'consultation.public_submitted',
		actorId: null,
		planId: round.planId,
		target: `round:${round.id}`,
		ip: null,
		details: { publicCommentId: row.id, clause: input.clause, stance: input.stance, ipHash: hashed }
	});
	return row;
}

/** A plan administrator approves a held public comment or hides it with a reason. */
export function moderatePublicComment(
	actor: Actor,
	planId: number,
	roundId: number,
	id: number,
	decision: 'approve' | 'hide',
	rawReason = ''
): void {
	const round = getRound(roundId);
	if (!round || round.planId !== planId) throw new DomainError('not-found', {}, 404);
	if (!canModeratePublic(getMembership(planId, actor.user.id)))
		throw new DomainError('moderate-forbidden', {}, 403);
	assertRecordOpen(planId, round.activity);
	const reason = rawReason.trim();
	if (decision === 'hide' && !reason) throw new DomainError('reason-required');
	const p = schema.publicComments;
	const comment = getDb()
		.select({ id: p.id })
		.from(p)
		.where(and(eq(p.id, id), eq(p.roundId, roundId)))
		.get();
	if (!comment) throw new DomainError('not-found', {}, 404);
	getDb()
		.update(p)
		.set({
			status: decision === 'approve' ? 'approved' : 'hidden',
			hiddenReason: decision === 'hide' ? reason.slice(0, 500) : null,
			moderatedBy: actor.user.id,
			moderatedAt: new Date()
		})
		.where(eq(p.id, id))
		.run();
	appendAudit({
		action: 'consultation.public_moderated',
		actorId: actor.user.id,
		planId,
		target: `round:${roundId}`,
		ip: actor.ip,
		details: { publicCommentId: id, decision, reason: decision === 'hide' ? reason : null }
	});
}

/**
 * A member of an invited participant group comments on a passage of the round's frozen version,
 * with a stance, during the round's period (decided on the server's clock). The anchor is checked
 * against the frozen text and the quote recomputed here; public-link comments (public.ts) use the
 * same anchor check.
 */
import { COMMENT_LIMITS } from '../../comments/limits.ts';
import { frozenParts, quoteOf } from '../../consultation/passages.ts';
import type { Stance } from '../../consultation/report.ts';
import { roundCommentRefusal } from '../../policy/index.ts';
import { findSection } from '../../standard/sections.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { proseText, tokenText } from '../../forms.ts';
import { getMembership } from '../access.ts';
import { appendAudit } from '../audit/index.ts';
import { cleanCommentBody } from '../comment-body.ts';
import { textAnchorRow } from '../comments.ts';
import { getDb, schema } from '../db/index.ts';
import { STANCES } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { stored, take } from '../rate-limit.ts';
import { assertRecordOpen } from './record.ts';
import { indexOpinion } from './search-index.ts';
import { getRound, roundPayload, roundTimes, type ConsultationRound } from './round-data.ts';
import type { Actor } from '../actor.ts';

/** The participant type of a member: their organization's type. */
export function participantOf(userId: number) {
	return getDb()
		.select({ organizationId: schema.organizations.id, type: schema.organizations.type })
		.from(schema.users)
		.innerJoin(schema.organizations, eq(schema.users.organizationId, schema.organizations.id))
		.where(eq(schema.users.id, userId))
		.get();
}

export interface PassageAnchor {
	clause: string;
	part: string;
	start: number;
	end: number;
}

/** The form of a comment on a passage, from a member or through the public link. */
export const passageCommentSchema = z.object({
	clause: tokenText.max(10),
	part: tokenText.max(80),
	start: z.coerce.number().int().min(0),
	end: z.coerce.number().int().min(0),
	stance: z.enum(STANCES),
	body: proseText.max(20_000)
});

/** Checks an anchor against the frozen version; returns the quote and a little context. */
export function resolveAnchor(round: ConsultationRound, anchor: PassageAnchor) {
	if (findSection(anchor.clause)?.activity !== round.activity)
		throw new DomainError('comment-anchor-invalid');
	const section = roundPayload(round).sections.find((s) => s.clause === anchor.clause);
	const part = section
		? frozenParts(section.rendering).find((p) => p.part === anchor.part)
		: undefined;
	const quote = part ? quoteOf(part.text, anchor.start, anchor.end) : undefined;
	if (!part || quote === undefined) throw new DomainError('comment-anchor-invalid');
	return {
		quote: quote.slice(0, COMMENT_LIMITS.quote),
		before: part.text.slice(Math.max(0, anchor.start - COMMENT_LIMITS.context), anchor.start),
		after: part.text.slice(anchor.end, anchor.end + COMMENT_LIMITS.context)
	};
}

/** A per-user limit on consultation comments, counted in the database like the public form's. */
const perUser = stored('consultation-comments', { points: COMMENT_LIMITS.perMinute, seconds: 60 });

async function throttleUser(userId: number): Promise<void> {
	const taken = await take(perUser(), String(userId));
	if (!taken.ok) throw new DomainError('comment-rate-limited', {}, 429);
}

/** A member of an invited group comments on a passage during the round's period. */
export async function commentOnRound(
	actor: Actor,
	planId: number,
	roundId: number,
	input: PassageAnchor & { stance: Stance; body: string }
): Promise<{ threadId: number }> {
	const round = getRound(roundId);
	if (!round || round.planId !== planId) throw new DomainError('not-found', {}, 404);
	const participant = getMembership(planId, actor.user.id)
		? participantOf(actor.user.id)
		: undefined;
	const refusal = roundCommentRefusal(participant?.type, roundTimes(round), Date.now());
	if (refusal || !participant)
		throw new DomainError(
			refusal ?? 'round-not-invited',
			{},
			refusal && refusal !== 'round-not-invited' ? 409 : 403
		);
	assertRecordOpen(planId, round.activity);
	const body = cleanCommentBody(input.body);
	const anchor = resolveAnchor(round, input);
	await throttleUser(actor.user.id);
	const db = getDb();
	const threadId = db.transaction(() => {
		const thread = db
			.insert(schema.commentThreads)
			.values({
				...textAnchorRow(
					planId,
					input.clause,
					{
						kind: 'text',
						fragment: input.part,
						start: String(input.start),
						end: String(input.end),
						...anchor
					},
					actor.user.id
				),
				roundId,
				stance: input.stance,
				organizationId: participant.organizationId,
				participantType: participant.type
			})
			.returning({ id: schema.commentThreads.id })
			.get();
		db.insert(schema.comments).values({ threadId: thread.id, authorId: actor.user.id, body }).run();
		indexOpinion(roundId, { threadId: thread.id }, { body, quote: anchor.quote });
		return thread.id;
	});
	appendAudit({
		action: 'consultation.commented',
		actorId: actor.user.id,
		planId,
		target: `round:${roundId}`,
		ip: actor.ip,
		details: {
			threadId,
			clause: input.clause,
			part: input.part,
			start: input.start,
			end: input.end,
			stance: input.stance,
			participantType: participant.type,
			organizationId: participant.organizationId
		}
	});
	return { threadId };
}

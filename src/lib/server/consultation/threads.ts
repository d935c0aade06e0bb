/** A round's comments as stored: members' threads with authors and answers, and public-link comments. */
import { asc, eq } from 'drizzle-orm';
import { getDb, schema } from '../db/index.ts';

/** Consultation comments of a round, with their authors and answers (the opening comment's body). */
export function roundThreads(roundId: number) {
	const t = schema.commentThreads;
	const author = schema.users;
	return getDb()
		.select({
			id: t.id,
			clause: t.clause,
			part: t.fragment,
			start: t.anchorStart,
			end: t.anchorEnd,
			quote: t.quote,
			stance: t.stance,
			participantType: t.participantType,
			organization: schema.organizations.name,
			authorId: t.authorId,
			authorName: author.displayName,
			disposition: t.disposition,
			reason: t.dispositionReason,
			answeredAt: t.dispositionAt,
			answeredBy: t.dispositionBy,
			answerSeenAt: t.answerSeenAt,
			createdAt: t.createdAt,
			body: schema.comments.body
		})
		.from(t)
		.innerJoin(author, eq(t.authorId, author.id))
		.leftJoin(schema.organizations, eq(t.organizationId, schema.organizations.id))
		.innerJoin(schema.comments, eq(schema.comments.threadId, t.id))
		.where(eq(t.roundId, roundId))
		.orderBy(asc(t.id), asc(schema.comments.id))
		.all()
		.filter((row, i, all) => i === 0 || all[i - 1].id !== row.id);
}

export function roundPublicComments(roundId: number) {
	const p = schema.publicComments;
	return getDb().select().from(p).where(eq(p.roundId, roundId)).orderBy(asc(p.id)).all();
}

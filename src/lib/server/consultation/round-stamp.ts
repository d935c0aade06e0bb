/**
 * A round's opinions as a stamp: a few aggregates over the round's rows (cheap at any size) that
 * change whenever an opinion is added, answered, approved or hidden. Views that keep what they
 * computed from the opinions (the answer view, the public round page) re-read only when it changes;
 * every instance sharing the database sees the same stamp.
 */
import { count, eq, max } from 'drizzle-orm';
import { getDb, schema } from '../db/index.ts';

/** Changes whenever an opinion is added, answered, approved or hidden. */
export function roundStamp(roundId: number): string {
	const t = schema.commentThreads;
	const p = schema.publicComments;
	const threads = getDb()
		.select({
			n: count(),
			last: max(t.id),
			answered: count(t.disposition),
			at: max(t.dispositionAt)
		})
		.from(t)
		.where(eq(t.roundId, roundId))
		.get();
	const open = getDb()
		.select({
			n: count(),
			last: max(p.id),
			moderated: max(p.moderatedAt),
			answered: count(p.disposition),
			at: max(p.dispositionAt)
		})
		.from(p)
		.where(eq(p.roundId, roundId))
		.get();
	const part = (o: Record<string, unknown> | undefined) =>
		Object.values(o ?? {})
			.map((v) => (v instanceof Date ? v.getTime() : String(v)))
			.join(':');
	return `${part(threads)}|${part(open)}`;
}

/**
 * A round's revision: a counter SQLite triggers raise on every write that can change what the
 * round's pages and files show (drizzle/0023_round_revisions.sql — opinions added, answered,
 * moderated or removed, the round row, printed names, the frozen version and its signatures). One
 * primary-key read, so caches of rendered pages and files (public-page-cache.ts, report-docx-cache.ts)
 * check it on every use; every instance sharing the database reads the same number.
 */
import { eq } from 'drizzle-orm';
import { getDb, schema } from '../db/index.ts';

export function roundRevision(roundId: number): number {
	const r = schema.consultationRoundRevisions;
	const row = getDb().select({ revision: r.revision }).from(r).where(eq(r.roundId, roundId)).get();
	return row?.revision ?? 0;
}

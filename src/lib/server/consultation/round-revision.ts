/**
 * A round's revision: a counter SQLite triggers raise on every write that can change what the
 * round's pages and files show (drizzle/0024_round_revisions.sql — opinions added, answered,
 * moderated or removed, the round row, printed names, the frozen version and its signatures). One
 * primary-key read, so caches of rendered pages and files (public-page-cache.ts, report-file-cache.ts)
 * check it on every use; every instance sharing the database reads the same number.
 */
import { eq, sql } from 'drizzle-orm';
import { getDb, schema } from '../db/index.ts';

export function roundRevision(roundId: number): number {
	const r = schema.consultationRoundRevisions;
	const row = getDb().select({ revision: r.revision }).from(r).where(eq(r.roundId, roundId)).get();
	return row?.revision ?? 0;
}

function prepareLinkFacts(db: ReturnType<typeof getDb>) {
	const r = schema.consultationRounds;
	const v = schema.activityVersions;
	const rev = schema.consultationRoundRevisions;
	return db
		.select({ round: r, versionHash: v.hash, revision: rev.revision })
		.from(r)
		.innerJoin(v, eq(v.id, r.versionId))
		.leftJoin(rev, eq(rev.roundId, r.id))
		.where(eq(r.publicToken, sql.placeholder('token')))
		.prepare();
}

const prepared = new WeakMap<object, ReturnType<typeof prepareLinkFacts>>();

/**
 * What the public page cache keys on, for a public link's token, in one prepared query (every
 * anonymous reader's request asks it; building and preparing three queries each time cost more
 * than serving the page): the round, its version's recorded hash and the round's revision.
 */
export function publicLinkFacts(token: string) {
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
	const db = getDb();
	let query = prepared.get(db);
	if (!query) {
		query = prepareLinkFacts(db);
		prepared.set(db, query);
	}
	const row = query.get({ token });
	return row ? { ...row, revision: row.revision ?? 0 } : undefined;
}

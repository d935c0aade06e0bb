/**
 * The stored search data of consultation opinions (issue 15): each opinion's words (FTS5 table
 * `consultation_opinion_fts`, words split by Intl.Segmenter) and MinHash signature
 * (`consultation_opinion_index`), written in the transaction that writes the opinion, so the
 * answer view searches and groups without reading or signing every opinion, and a restart
 * rebuilds nothing. Opinions written before this existed (or straight into the database) are
 * backfilled once, in chunks that yield the event loop; the answer view shows the progress.
 */
import { signatureBytes, signatureOf } from '../../consultation/duplicates.ts';
import { segmentedText } from '../../consultation/search.ts';
import { getDb } from '../db/index.ts';
import { logger } from '../log.ts';

const log = logger('consultation-search');

export type OpinionRef = { threadId: number } | { publicCommentId: number };

/** What is indexed of an opinion: the body and the quoted passage are searched, the body signed. */
export interface OpinionText {
	body: string;
	quote: string;
}

function statements() {
	const db = getDb().$client;
	return {
		index: db.prepare<[number, number | null, number | null, Buffer]>(
			`INSERT OR IGNORE INTO consultation_opinion_index (round_id, thread_id, public_comment_id, signature)
			 VALUES (?, ?, ?, ?)`
		),
		words: db.prepare<[number | bigint, string]>(
			'INSERT INTO consultation_opinion_fts (rowid, words) VALUES (?, ?)'
		)
	};
}

let prepared: { db: unknown; s: ReturnType<typeof statements> } | undefined;
function stmts() {
	const db = getDb().$client;
	if (prepared?.db !== db) prepared = { db, s: statements() };
	return prepared.s;
}

/**
 * Indexes one opinion (call inside the transaction that writes it). Indexing twice is harmless:
 * the second is ignored.
 */
export function indexOpinion(roundId: number, ref: OpinionRef, text: OpinionText): void {
	const s = stmts();
	const threadId = 'threadId' in ref ? ref.threadId : null;
	const publicId = 'publicCommentId' in ref ? ref.publicCommentId : null;
	const row = s.index.run(roundId, threadId, publicId, signatureBytes(signatureOf(text.body)));
	if (row.changes === 1)
		s.words.run(row.lastInsertRowid, segmentedText(`${text.body}\n${text.quote}`));
}

/** Opinions of a round not yet indexed (counts over indexes: cheap at any size). */
export function unindexedCount(roundId: number): number {
	const row = getDb()
		.$client.prepare<[number, number, number], { missing: number }>(
			`SELECT (SELECT count(*) FROM comment_threads WHERE round_id = ?)
			      + (SELECT count(*) FROM public_comments WHERE round_id = ?)
			      - (SELECT count(*) FROM consultation_opinion_index WHERE round_id = ?) AS missing`
		)
		.get(roundId, roundId, roundId);
	return Math.max(0, row?.missing ?? 0);
}

/** Opinions indexed per turn of the event loop during a backfill. */
const CHUNK = 200;

type Unindexed = { id: number; body: string; quote: string };

function unindexedThreads(roundId: number): Unindexed[] {
	return getDb()
		.$client.prepare<[number, number], Unindexed>(
			`SELECT t.id, t.quote,
			        (SELECT c.body FROM comments c WHERE c.thread_id = t.id ORDER BY c.id LIMIT 1) AS body
			 FROM comment_threads t
			 WHERE t.round_id = ?
			   AND NOT EXISTS (SELECT 1 FROM consultation_opinion_index i WHERE i.thread_id = t.id)
			 ORDER BY t.id LIMIT ?`
		)
		.all(roundId, CHUNK);
}

function unindexedPublic(roundId: number): Unindexed[] {
	return getDb()
		.$client.prepare<[number, number], Unindexed>(
			`SELECT p.id, p.quote, p.body FROM public_comments p
			 WHERE p.round_id = ?
			   AND NOT EXISTS (SELECT 1 FROM consultation_opinion_index i WHERE i.public_comment_id = p.id)
			 ORDER BY p.id LIMIT ?`
		)
		.all(roundId, CHUNK);
}

/** Backfills running in this process, by round: how many were missing and how many are done. */
const running = new Map<
	number,
	{ progress: { total: number; done: number }; promise: Promise<void> }
>();

/** Indexes up to a chunk of the round's unindexed opinions; how many it did. */
function indexChunk(roundId: number): number {
	const threads = unindexedThreads(roundId);
	const open = threads.length < CHUNK ? unindexedPublic(roundId) : [];
	getDb().$client.transaction(() => {
		for (const t of threads)
			indexOpinion(roundId, { threadId: t.id }, { body: t.body ?? '', quote: t.quote });
		for (const p of open) indexOpinion(roundId, { publicCommentId: p.id }, p);
	})();
	return threads.length + open.length;
}

async function backfill(roundId: number, progress: { total: number; done: number }) {
	for (;;) {
		const done = indexChunk(roundId);
		if (done === 0) return;
		progress.done += done;
		await new Promise((resolve) => setImmediate(resolve));
	}
}

/** A backlog this small is indexed within the request that finds it (well under 100 ms). */
const INLINE = CHUNK;

/**
 * The round's backfill state: null when every opinion is indexed; otherwise starts the backfill
 * (once per process and round; another instance doing the same is harmless) and says how far it is.
 */
export function indexingState(roundId: number): { total: number; done: number } | null {
	const current = running.get(roundId);
	if (current) return { ...current.progress };
	const missing = unindexedCount(roundId);
	if (missing === 0) return null;
	if (missing <= INLINE && indexChunk(roundId) === missing) return null;
	const progress = { total: missing, done: 0 };
	const started = Date.now();
	const promise = backfill(roundId, progress)
		.then(() => log.info({ roundId, opinions: progress.done, ms: Date.now() - started }, 'indexed'))
		.catch((err: unknown) => log.error({ err, roundId }, 'indexing failed'))
		.finally(() => running.delete(roundId));
	running.set(roundId, { progress, promise });
	return { ...progress };
}

/** The backfill of a round, if one runs in this process (tests and the benchmark wait for it). */
export function indexingDone(roundId: number): Promise<void> {
	return running.get(roundId)?.promise ?? Promise.resolve();
}

/** At start: backfill every round with unindexed opinions, one after another, in the background. */
export function startIndexBackfill(): void {
	const rounds = getDb()
		.$client.prepare<[], { id: number }>('SELECT id FROM consultation_rounds ORDER BY id')
		.all();
	(async () => {
		for (const { id } of rounds) {
			if (!indexingState(id)) continue;
			await indexingDone(id);
		}
	})().catch((error: unknown) => {
		// A background job's failure (the database away at start) is a log line, not the process's
		// end: the round is indexed again the next time it is opened (indexingState).
		log.error({ err: error }, 'search index backfill stopped');
	});
}

/**
 * The answer view of a round (issue 15): the opinions a member answers (their departments'
 * sections; every section for a plan admin), filtered by section, stance, participant type and
 * status, searched by words and grouped as near-duplicates — all answered by SQL over indexed
 * columns and the stored search data (search-index.ts), a page of 50 at a time with counts from
 * SQL, so neither a large round nor a restart makes a view read every opinion.
 */
import { groupSignatures, signatureFromBytes } from '../../consultation/duplicates.ts';
import { matchExpression } from '../../consultation/search.ts';
import type { ParticipantType } from '../../consultation/period.ts';
import type { Disposition, Stance } from '../../consultation/report.ts';
import type { Membership } from '../../roles.ts';
import { SECTIONS } from '../../standard/sections.ts';
import { dialect, getDb } from '../db/index.ts';
import { mayAnswer } from './answers.ts';
import type { PublishedOpinion } from './openness.ts';
import type { ConsultationRound } from './round-data.ts';
import { indexingState } from './search-index.ts';

/** A condition no row meets, in SQL both SQLite and PostgreSQL read as a boolean. */
const NOTHING = '1 = 0';
/**
 * Opinions whose words hold every word searched: FTS5 on SQLite; on PostgreSQL the words as an
 * array under a GIN index (drizzle-pg/0004_consultation_search.sql), same parameter.
 */
const WORDS_MATCH =
	dialect === 'postgres'
		? "string_to_array(f.words, ' ') @> lantu_match_words(@match)"
		: 'consultation_opinion_fts MATCH @match';

export type QueueStatus = 'pending' | 'answered' | Disposition;

export interface QueueFilters {
	clause?: string;
	stance?: Stance;
	type?: ParticipantType;
	status?: QueueStatus;
	q?: string;
	/** A near-duplicate group's number (1 = the largest). */
	group?: number;
	/** The page, from 1. */
	page?: number;
}

/** Opinions shown a page; the page says how many matched and pages on, never cuts silently. */
export const QUEUE_PAGE = 50;

/** An opinion in the answer queue: as published (openness.ts), with its near-duplicate group. */
export interface QueueItem extends PublishedOpinion {
	/** Its near-duplicate group (number and size), if any. */
	group: { id: number; size: number } | null;
}

type Params = Record<string, string | number>;

/** The WHERE clauses of both opinion tables for the member's sections and the filters. */
function conditions(
	roundId: number,
	clauses: readonly string[],
	filters: QueueFilters,
	groupKeys: readonly string[] | null
) {
	const params: Params = { round: roundId };
	const clauseList = clauses.map((c, i) => ((params[`c${i}`] = c), `@c${i}`)).join(', ');
	const thread = ['t.round_id = @round', `t.clause IN (${clauseList})`];
	const open = ['p.round_id = @round', "p.status = 'approved'", `p.clause IN (${clauseList})`];
	if (filters.clause) {
		params.clause = filters.clause;
		thread.push('t.clause = @clause');
		open.push('p.clause = @clause');
	}
	if (filters.stance) {
		params.stance = filters.stance;
		thread.push("coalesce(t.stance, 'suggest') = @stance");
		open.push('p.stance = @stance');
	}
	if (filters.type) {
		params.type = filters.type;
		thread.push("coalesce(t.participant_type, 'government') = @type");
		if (filters.type !== 'public') open.push(NOTHING);
	}
	if (filters.status) {
		const [t, p] =
			filters.status === 'pending'
				? ['t.disposition IS NULL', 'p.disposition IS NULL']
				: filters.status === 'answered'
					? ['t.disposition IS NOT NULL', 'p.disposition IS NOT NULL']
					: ['t.disposition = @status', 'p.disposition = @status'];
		if (filters.status !== 'pending' && filters.status !== 'answered')
			params.status = filters.status;
		thread.push(t);
		open.push(p);
	}
	const match = filters.q?.trim() ? matchExpression(filters.q) : null;
	if (filters.q?.trim()) {
		if (!match) {
			thread.push(NOTHING);
			open.push(NOTHING);
		} else {
			params.match = match;
			const hits = (column: string) =>
				`SELECT i.${column} FROM consultation_opinion_fts f
				 JOIN consultation_opinion_index i ON i.id = f.rowid
				 WHERE ${WORDS_MATCH} AND i.round_id = @round`;
			thread.push(`t.id IN (${hits('thread_id')})`);
			open.push(`p.id IN (${hits('public_comment_id')})`);
		}
	}
	if (groupKeys) {
		// One JSON parameter per kind: a campaign of thousands is no statement of thousands of literals.
		const ids = (prefix: string) =>
			JSON.stringify(groupKeys.filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(1))));
		params.groupThreads = ids('t');
		params.groupPublic = ids('p');
		thread.push('t.id IN (SELECT value FROM json_each(@groupThreads))');
		open.push('p.id IN (SELECT value FROM json_each(@groupPublic))');
	}
	const union = `SELECT 0 AS ord, t.id AS id, t.disposition AS disposition FROM comment_threads t
	               WHERE ${thread.join(' AND ')}
	               UNION ALL
	               SELECT 1, p.id, p.disposition FROM public_comments p WHERE ${open.join(' AND ')}`;
	return { union, params };
}

/**
 * A round's near-duplicate groups from the stored signatures, kept while the round's set of
 * visible opinions is unchanged (answers do not change it): 10,000 signatures group in well under
 * a second, and a restart only regroups, it signs nothing.
 */
const groupCache = new Map<
	number,
	{ stamp: string; byKey: Map<string, { id: number; size: number }>; groups: string[][] }
>();

function groupsOf(roundId: number) {
	const db = getDb().$client;
	const stamp = db
		.prepare<[number, number], { s: string }>(
			`SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) FROM consultation_opinion_index WHERE round_id = ?)
			     || '|' ||
			     (SELECT count(*) || ':' || coalesce(max(moderated_at), 0) FROM public_comments WHERE round_id = ? AND status = 'approved') AS s`
		)
		.get(roundId, roundId)!.s;
	const cached = groupCache.get(roundId);
	if (cached?.stamp === stamp) return cached;
	const rows = db
		.prepare<[number], { threadId: number | null; publicId: number | null; signature: Buffer }>(
			`SELECT i.thread_id AS threadId, i.public_comment_id AS publicId, i.signature
			 FROM consultation_opinion_index i
			 LEFT JOIN public_comments p ON p.id = i.public_comment_id
			 WHERE i.round_id = ? AND (i.thread_id IS NOT NULL OR p.status = 'approved')
			 ORDER BY i.thread_id IS NULL, coalesce(i.thread_id, i.public_comment_id)`
		)
		.all(roundId);
	const groups = groupSignatures(
		rows.map((r) => ({
			key: r.threadId !== null ? `t${r.threadId}` : `p${r.publicId}`,
			signature: signatureFromBytes(r.signature)
		}))
	);
	const byKey = new Map<string, { id: number; size: number }>();
	groups.forEach((group, g) => {
		for (const key of group) byKey.set(key, { id: g + 1, size: group.length });
	});
	if (groupCache.size > 20) groupCache.clear();
	const entry = { stamp, byKey, groups };
	groupCache.set(roundId, entry);
	return entry;
}

type ThreadRow = {
	id: number;
	clause: string;
	quote: string;
	stance: Stance | null;
	participantType: ParticipantType | null;
	who: string;
	disposition: Disposition | null;
	reason: string | null;
	createdAt: number;
	body: string | null;
};

/** The page's opinions in full (50 at most: two lookups by primary key). */
function pageItems(refs: readonly { ord: number; id: number }[]): Omit<QueueItem, 'group'>[] {
	const db = getDb().$client;
	const threadIds = refs.filter((r) => r.ord === 0).map((r) => r.id);
	const publicIds = refs.filter((r) => r.ord === 1).map((r) => r.id);
	const threads = threadIds.length
		? db
				.prepare<number[], ThreadRow>(
					`SELECT t.id, t.clause, t.quote, t.stance, t.participant_type AS participantType,
					        coalesce(o.name, u.display_name) AS who, t.disposition,
					        t.disposition_reason AS reason, t.created_at AS createdAt,
					        (SELECT c.body FROM comments c WHERE c.thread_id = t.id ORDER BY c.id LIMIT 1) AS body
					 FROM comment_threads t
					 JOIN users u ON u.id = t.author_id
					 LEFT JOIN organizations o ON o.id = t.organization_id
					 WHERE t.id IN (${threadIds.map(() => '?').join(',')})`
				)
				.all(...threadIds)
		: [];
	const open = publicIds.length
		? db
				.prepare<number[], Omit<ThreadRow, 'participantType'> & { stance: Stance }>(
					`SELECT p.id, p.clause, p.quote, p.stance, p.name AS who, p.disposition,
					        p.disposition_reason AS reason, p.created_at AS createdAt, p.body
					 FROM public_comments p WHERE p.id IN (${publicIds.map(() => '?').join(',')})`
				)
				.all(...publicIds)
		: [];
	const byKey = new Map<string, Omit<QueueItem, 'group'>>();
	for (const t of threads)
		byKey.set(`t${t.id}`, {
			...t,
			key: `t${t.id}`,
			kind: 'thread',
			body: t.body ?? '',
			stance: t.stance ?? 'suggest',
			participantType: t.participantType ?? 'government'
		});
	for (const p of open)
		byKey.set(`p${p.id}`, {
			...p,
			key: `p${p.id}`,
			kind: 'public',
			body: p.body ?? '',
			participantType: 'public'
		});
	return refs.flatMap((r) => byKey.get(`${r.ord === 0 ? 't' : 'p'}${r.id}`) ?? []);
}

/** The round's reasons so far, most used first: the answer templates of this round. */
function templatesOf(roundId: number): string[] {
	return getDb()
		.$client.prepare<[number, number], { reason: string }>(
			`SELECT reason FROM (
			   SELECT disposition_reason AS reason FROM comment_threads
			   WHERE round_id = ? AND disposition_reason IS NOT NULL
			   UNION ALL
			   SELECT disposition_reason FROM public_comments
			   WHERE round_id = ? AND disposition_reason IS NOT NULL) AS reasons
			 GROUP BY reason ORDER BY count(*) DESC, reason LIMIT 8`
		)
		.all(roundId, roundId)
		.map((r) => r.reason);
}

/** The sections of the round a member answers. */
export function answerableClauses(round: ConsultationRound, membership: Membership | undefined) {
	return SECTIONS.filter((s) => s.activity === round.activity)
		.map((s) => s.clause)
		.filter((clause) => mayAnswer(membership, round.planId, clause));
}

/** Every opinion matching the filters (keys, in the view's order), for “answer all that match”. */
export function matchingKeys(
	round: ConsultationRound,
	membership: Membership | undefined,
	filters: QueueFilters,
	limit: number
): string[] {
	const clauses = answerableClauses(round, membership);
	if (clauses.length === 0) return [];
	const groupKeys = filters.group ? (groupsOf(round.id).groups[filters.group - 1] ?? []) : null;
	const { union, params } = conditions(round.id, clauses, filters, groupKeys);
	return getDb()
		.$client.prepare<Params, { ord: number; id: number }>(
			`SELECT ord, id FROM (${union}) AS q ORDER BY ord, id LIMIT ${Math.trunc(limit)}`
		)
		.all(params)
		.map((r) => `${r.ord === 0 ? 't' : 'p'}${r.id}`);
}

export function answerQueue(
	round: ConsultationRound,
	membership: Membership | undefined,
	filters: QueueFilters
) {
	const clauses = answerableClauses(round, membership);
	const indexing = indexingState(round.id);
	const empty = { total: 0, pending: 0, matched: 0 };
	if (clauses.length === 0)
		return { clauses, ...empty, items: [], templates: [], pages: 1, page: 1, indexing };
	const db = getDb().$client;
	const grouped = groupsOf(round.id);
	const groupKeys = filters.group ? (grouped.groups[filters.group - 1] ?? []) : null;
	const all = conditions(round.id, clauses, {}, null);
	const counts = db
		.prepare<Params, { total: number; pending: number }>(
			`SELECT count(*) AS total, coalesce(sum(disposition IS NULL), 0) AS pending FROM (${all.union}) AS q`
		)
		.get(all.params)!;
	const { union, params } = conditions(round.id, clauses, filters, groupKeys);
	const matched = db
		.prepare<Params, { n: number }>(`SELECT count(*) AS n FROM (${union}) AS q`)
		.get(params)!.n;
	const pages = Math.max(1, Math.ceil(matched / QUEUE_PAGE));
	const page = Math.min(Math.max(1, filters.page ?? 1), pages);
	const refs = db
		.prepare<Params, { ord: number; id: number }>(
			`SELECT ord, id FROM (${union}) AS q ORDER BY ord, id LIMIT ${QUEUE_PAGE} OFFSET ${(page - 1) * QUEUE_PAGE}`
		)
		.all(params);
	const items: QueueItem[] = pageItems(refs).map((i) => ({
		...i,
		group: grouped.byKey.get(i.key) ?? null
	}));
	return {
		clauses,
		total: counts.total,
		pending: counts.pending,
		matched,
		items,
		templates: templatesOf(round.id),
		pages,
		page,
		indexing
	};
}

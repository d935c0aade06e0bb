/**
 * The answer view of a round (issue 15): the opinions a member answers (their departments'
 * sections; every section for a plan admin), filtered by section, stance, participant type and
 * status, searched by words (search.ts) and grouped as near-duplicates (duplicates.ts). The
 * opinions, their index and groups are kept per round (RoundCache below): a query re-reads nothing
 * while the round is unchanged, and signs only the opinions added since.
 */
import { DuplicateIndex } from '../../consultation/duplicates.ts';
import { WordIndex } from '../../consultation/search.ts';
import type { ParticipantType } from '../../consultation/period.ts';
import type { Disposition, Stance } from '../../consultation/report.ts';
import type { Membership } from '../../roles.ts';
import { SECTIONS } from '../../standard/sections.ts';
import { mayAnswer } from './answers.ts';
import { roundStamp } from './round-stamp.ts';
import type { ConsultationRound } from './round-data.ts';
import { roundPublicComments, roundThreads } from './threads.ts';

export type QueueStatus = 'pending' | 'answered' | Disposition;

export interface QueueFilters {
	clause?: string;
	stance?: Stance;
	type?: ParticipantType;
	status?: QueueStatus;
	q?: string;
	/** A near-duplicate group's number (1 = the largest). */
	group?: number;
}

/** Opinions shown at once; the page says how many matched, never cuts silently. */
export const QUEUE_PAGE = 200;

export interface QueueItem {
	key: string;
	kind: 'thread' | 'public';
	id: number;
	clause: string;
	quote: string;
	body: string;
	stance: Stance;
	participantType: ParticipantType;
	who: string;
	disposition: Disposition | null;
	reason: string | null;
	createdAt: number;
	/** Its near-duplicate group (number and size), if any. */
	group: { id: number; size: number } | null;
}

function roundItems(roundId: number): QueueItem[] {
	const threads: QueueItem[] = roundThreads(roundId).map((t) => ({
		key: `t${t.id}`,
		kind: 'thread',
		id: t.id,
		clause: t.clause,
		quote: t.quote,
		body: t.body,
		stance: t.stance ?? 'suggest',
		participantType: t.participantType ?? 'government',
		who: t.organization ?? t.authorName,
		disposition: t.disposition,
		reason: t.reason,
		createdAt: t.createdAt.getTime(),
		group: null
	}));
	const publicItems: QueueItem[] = roundPublicComments(roundId)
		.filter((c) => c.status === 'approved')
		.map((c) => ({
			key: `p${c.id}`,
			kind: 'public',
			id: c.id,
			clause: c.clause,
			quote: c.quote,
			body: c.body,
			stance: c.stance,
			participantType: 'public',
			who: c.name,
			disposition: c.disposition,
			reason: c.dispositionReason,
			createdAt: c.createdAt.getTime(),
			group: null
		}));
	return [...threads, ...publicItems];
}

/**
 * What the answer view keeps of a round between requests: its opinions, their word index and
 * near-duplicate groups, and the database stamp they were read at. A request compares the stamp
 * (a few aggregates over the round's index, cheap at any size) and re-reads only when something
 * changed; new opinions are added to the index and groups, which are never rebuilt unless an
 * opinion went away. Every instance checks the same stamp, so answers given on another instance
 * show at once.
 */
interface RoundCache {
	stamp: string;
	items: QueueItem[];
	index: WordIndex<string>;
	duplicates: DuplicateIndex<string>;
	indexed: Set<string>;
	groups: Map<string, { id: number; size: number }>;
}

const caches = new Map<number, RoundCache>();
const building = new Map<number, Promise<RoundCache>>();

/** Opinions signed per turn of the event loop: the first build of a large round yields between. */
const CHUNK = 250;

async function refresh(roundId: number, cached: RoundCache | undefined): Promise<RoundCache> {
	const stamp = roundStamp(roundId);
	const items = roundItems(roundId);
	const keys = new Set(items.map((i) => i.key));
	// An opinion gone (a public one hidden after approval): start over, the groups may split.
	const keep = cached && [...cached.indexed].every((k) => keys.has(k)) ? cached : undefined;
	const cache: RoundCache = keep
		? { ...keep, stamp, items }
		: {
				stamp,
				items,
				index: new WordIndex<string>(),
				duplicates: new DuplicateIndex<string>(),
				indexed: new Set(),
				groups: new Map()
			};
	const fresh = items.filter((i) => !cache.indexed.has(i.key));
	for (let start = 0; start < fresh.length; start += CHUNK) {
		if (start > 0) await new Promise((resolve) => setImmediate(resolve));
		for (const item of fresh.slice(start, start + CHUNK)) {
			cache.index.add(item.key, `${item.body}\n${item.quote}`);
			cache.duplicates.add(item.key, item.body);
			cache.indexed.add(item.key);
		}
	}
	if (fresh.length > 0 || !keep) {
		cache.groups = new Map();
		cache.duplicates.groups().forEach((group, g) => {
			for (const key of group) cache.groups.set(key, { id: g + 1, size: group.length });
		});
	}
	if (caches.size > 20 && !caches.has(roundId)) caches.clear();
	caches.set(roundId, cache);
	return cache;
}

/** The round's cache, current with the database (one refresh at a time per round). */
async function roundCache(roundId: number): Promise<RoundCache> {
	const cached = caches.get(roundId);
	if (cached && cached.stamp === roundStamp(roundId)) return cached;
	const pending = building.get(roundId);
	if (pending) return pending;
	const next = refresh(roundId, cached).finally(() => building.delete(roundId));
	building.set(roundId, next);
	return next;
}

function statusMatches(item: QueueItem, status: QueueStatus): boolean {
	if (status === 'pending') return item.disposition === null;
	if (status === 'answered') return item.disposition !== null;
	return item.disposition === status;
}

export async function answerQueue(
	round: ConsultationRound,
	membership: Membership | undefined,
	filters: QueueFilters
) {
	const clauses = SECTIONS.filter((s) => s.activity === round.activity)
		.map((s) => s.clause)
		.filter((clause) => mayAnswer(membership, round.planId, clause));
	const cache = await roundCache(round.id);
	const mine = cache.items
		.filter((i) => clauses.includes(i.clause))
		.map((i) => ({ ...i, group: cache.groups.get(i.key) ?? null }));
	const hits = filters.q?.trim() ? cache.index.search(filters.q) : null;
	const matched = mine.filter(
		(i) =>
			(!filters.clause || i.clause === filters.clause) &&
			(!filters.stance || i.stance === filters.stance) &&
			(!filters.type || i.participantType === filters.type) &&
			(!filters.status || statusMatches(i, filters.status)) &&
			(!hits || hits.has(i.key)) &&
			(!filters.group || i.group?.id === filters.group)
	);
	// The round's reasons so far, most used first: the answer templates of this round.
	const reasonCounts = new Map<string, number>();
	for (const i of cache.items)
		if (i.reason) reasonCounts.set(i.reason, (reasonCounts.get(i.reason) ?? 0) + 1);
	const templates = [...reasonCounts.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 8)
		.map(([reason]) => reason);
	return {
		clauses,
		total: mine.length,
		pending: mine.filter((i) => i.disposition === null).length,
		matched: matched.length,
		items: matched.slice(0, QUEUE_PAGE),
		templates
	};
}

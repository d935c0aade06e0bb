/**
 * The answer view of a round (issue 15): the opinions a member answers (their departments'
 * sections; every section for a plan admin), filtered by section, stance, participant type and
 * status, searched by words (search.ts) and grouped as near-duplicates (duplicates.ts). The index
 * and groups of a round are built once and rebuilt only when opinions were added (public ones also
 * when approved), so a query reads no opinion text.
 */
import { nearDuplicateGroups } from '../../consultation/duplicates.ts';
import { WordIndex } from '../../consultation/search.ts';
import type { ParticipantType } from '../../consultation/period.ts';
import type { Disposition, Stance } from '../../consultation/report.ts';
import type { Membership } from '../../roles.ts';
import { SECTIONS } from '../../standard/sections.ts';
import { mayAnswer } from './answers.ts';
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

interface RoundAnalysis {
	stamp: string;
	index: WordIndex<string>;
	/** Opinion key → its near-duplicate group. */
	groups: Map<string, { id: number; size: number }>;
}

/** Word index and near-duplicate groups by round, with the set of opinions they were built from. */
const analyses = new Map<number, RoundAnalysis>();

function analyse(roundId: number, items: readonly QueueItem[]): RoundAnalysis {
	// Opinions are never edited, only added (or approved): their keys say whether this is current.
	// Kept until then also because MinHash's hash functions are random: groups stay as shown.
	const stamp = `${items.length}:${items.map((i) => i.key).join(',')}`;
	const cached = analyses.get(roundId);
	if (cached?.stamp === stamp) return cached;
	const index = new WordIndex<string>();
	for (const item of items) index.add(item.key, `${item.body}\n${item.quote}`);
	const groups = new Map<string, { id: number; size: number }>();
	nearDuplicateGroups(items.map((i) => ({ key: i.key, text: i.body }))).forEach((keys, g) => {
		for (const key of keys) groups.set(key, { id: g + 1, size: keys.length });
	});
	if (analyses.size > 20) analyses.clear();
	const analysis = { stamp, index, groups };
	analyses.set(roundId, analysis);
	return analysis;
}

function statusMatches(item: QueueItem, status: QueueStatus): boolean {
	if (status === 'pending') return item.disposition === null;
	if (status === 'answered') return item.disposition !== null;
	return item.disposition === status;
}

export function answerQueue(
	round: ConsultationRound,
	membership: Membership | undefined,
	filters: QueueFilters
) {
	const clauses = SECTIONS.filter((s) => s.activity === round.activity)
		.map((s) => s.clause)
		.filter((clause) => mayAnswer(membership, round.planId, clause));
	const items = roundItems(round.id);
	const analysis = analyse(round.id, items);
	const all = items.map((i) => ({ ...i, group: analysis.groups.get(i.key) ?? null }));
	const mine = all.filter((i) => clauses.includes(i.clause));
	const hits = filters.q?.trim() ? analysis.index.search(filters.q) : null;
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
	for (const i of all)
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

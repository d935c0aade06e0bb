/**
 * The public 采纳情况 of a round as data (src/lib/consultation/adoption.ts renders it): every member
 * comment and every approved public comment, with who answered it. Published only once the round is
 * over (closed, or its period ended): while it runs the answers are still being written.
 */
import { inArray, eq } from 'drizzle-orm';
import {
	adoptionCounts,
	adoptionRows,
	type AdoptionCounts,
	type AdoptionRow,
	type AdoptionSource
} from '../../consultation/adoption.ts';
import { chinaDay, roundPhase } from '../../consultation/period.ts';
import { getDb, schema } from '../db/index.ts';
import { roundTimes, type ConsultationRound } from './round-data.ts';
import { roundPublicComments, roundThreads } from './threads.ts';

/** Whether the round's period is over (closed early or ended): its 采纳情况 is then public. */
export function roundOver(round: ConsultationRound, now = Date.now()): boolean {
	const phase = roundPhase(roundTimes(round), now);
	return phase === 'closed' || phase === 'ended';
}

/** Organization names of the members who answered. */
function answeringOrganizations(userIds: readonly number[]): Map<number, string> {
	if (userIds.length === 0) return new Map();
	const rows = getDb()
		.select({ id: schema.users.id, name: schema.organizations.name })
		.from(schema.users)
		.innerJoin(schema.organizations, eq(schema.users.organizationId, schema.organizations.id))
		.where(inArray(schema.users.id, [...new Set(userIds)]))
		.all();
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every opinion of the round as the public table's source, in the order received. */
export function adoptionSources(roundId: number): AdoptionSource[] {
	const threads = roundThreads(roundId);
	const publicComments = roundPublicComments(roundId).filter((c) => c.status === 'approved');
	const orgs = answeringOrganizations(
		[...threads.map((t) => t.answeredBy), ...publicComments.map((c) => c.dispositionBy)].filter(
			(id): id is number => id !== null
		)
	);
	const day = (d: Date | null) => (d ? chinaDay(d.getTime()) : null);
	const rows: (AdoptionSource & { at: number })[] = [
		...threads.map((t) => ({
			at: t.createdAt.getTime(),
			clause: t.clause,
			quote: t.quote,
			body: t.body,
			participantType: t.participantType ?? 'government',
			organization: t.organization,
			person: t.authorName,
			disposition: t.disposition,
			reason: t.reason,
			receivedOn: chinaDay(t.createdAt.getTime()),
			answeredOn: day(t.answeredAt),
			answeredBy: t.answeredBy !== null ? (orgs.get(t.answeredBy) ?? null) : null
		})),
		...publicComments.map((c) => ({
			at: c.createdAt.getTime(),
			clause: c.clause,
			quote: c.quote,
			body: c.body,
			participantType: 'public' as const,
			organization: null,
			person: c.name,
			disposition: c.disposition,
			reason: c.dispositionReason,
			receivedOn: chinaDay(c.createdAt.getTime()),
			answeredOn: day(c.dispositionAt),
			answeredBy: c.dispositionBy !== null ? (orgs.get(c.dispositionBy) ?? null) : null
		}))
	];
	return rows.sort((a, b) => a.at - b.at).map(({ at: _at, ...source }) => source);
}

export interface Adoption {
	counts: AdoptionCounts;
	rows: AdoptionRow[];
}

export function loadAdoption(roundId: number): Adoption {
	const sources = adoptionSources(roundId);
	return { counts: adoptionCounts(sources), rows: adoptionRows(sources) };
}

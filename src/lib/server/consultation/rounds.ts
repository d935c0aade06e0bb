/**
 * Public consultation rounds (issue 5, DESIGN.md §4). A round is opened by the workflow's 发布征求意见稿
 * (one transaction with the frozen version) and closed by 结束征求意见. Members of the invited
 * participant groups comment on passages of the frozen version with a stance; the owning departments
 * answer each comment 采纳 / 部分采纳 / 不采纳 with a reason; the commenter confirms they saw it.
 * Every rule is decided in these modules with the server clock; pages only mirror the answers.
 *
 * This module is a round's life: opened, announced, closed, and the end announced once. Reading a
 * round is round-data.ts; comments, answers and their listings have modules of their own.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import {
	closesEarly,
	periodText,
	type ParticipantGroup,
	type RoundConfig
} from '../../consultation/period.ts';
import { ACTIVITY_WORDS } from '../../consultation/vocabulary.ts';
import type { Activity } from '../../standard/sections.ts';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { notify } from '../notifications.ts';
import { getVersion } from '../workflow/versions.ts';
import {
	groupsOf,
	periodFacts,
	roundLink,
	roundTimes,
	type ConsultationRound
} from './round-data.ts';
import type { Actor } from '../actor.ts';

// The workflow (another module's owner) reads these through this module.
export { listRounds, type ConsultationRound } from './round-data.ts';

/** Members of the plan whose organization type is one of the groups. */
function participantsOf(planId: number, groups: readonly ParticipantGroup[]): number[] {
	if (groups.length === 0) return [];
	return getDb()
		.selectDistinct({ id: schema.users.id })
		.from(schema.planMembers)
		.innerJoin(schema.users, eq(schema.planMembers.userId, schema.users.id))
		.innerJoin(schema.organizations, eq(schema.users.organizationId, schema.organizations.id))
		.where(
			and(
				eq(schema.planMembers.planId, planId),
				inArray(schema.organizations.type, [...groups]),
				isNull(schema.users.disabledAt)
			)
		)
		.all()
		.map((r) => r.id);
}

/**
 * Opens a round for a just-published 征求意见稿. Runs inside the workflow's publish transaction;
 * returns what `announceRound` needs afterwards.
 */
export function openRound(
	planId: number,
	activity: Activity,
	versionId: number,
	config: RoundConfig,
	actor: Actor
): ConsultationRound {
	const round = getDb()
		.insert(schema.consultationRounds)
		.values({
			planId,
			activity,
			versionId,
			groups: JSON.stringify(config.groups),
			opensAt: new Date(config.opensAt),
			closesAt: new Date(config.closesAt),
			days: config.days,
			shortReason: config.shortReason,
			publicToken: config.publicLink ? randomBytes(24).toString('base64url') : null,
			opinionsPublic: config.opinionsPublic,
			createdBy: actor.user.id
		})
		.returning()
		.get();
	appendAudit({
		action: 'consultation.opened',
		actorId: actor.user.id,
		planId,
		target: `round:${round.id}`,
		ip: actor.ip,
		details: {
			activity,
			versionId,
			groups: config.groups,
			opensAt: config.opensAt,
			closesAt: config.closesAt,
			days: config.days,
			shortReason: config.shortReason,
			publicLink: config.publicLink,
			opinionsPublic: config.opinionsPublic
		}
	});
	return round;
}

/** The notification text of a round, in the document's language like its report. */
function roundExcerpt(round: ConsultationRound): string {
	const version = getVersion(round.versionId);
	const text = `${ACTIVITY_WORDS[round.activity]}征求意见稿（第${version?.seq ?? ''}版），征求意见期${periodText(periodFacts(round))}`;
	return round.shortReason ? `${text}。${round.shortReason}` : text;
}

/** The activity's rounds still open that would close before their planned end now. */
export function roundsClosingEarly(
	planId: number,
	activity: Activity,
	now = Date.now()
): ConsultationRound[] {
	const r = schema.consultationRounds;
	return getDb()
		.select()
		.from(r)
		.where(and(eq(r.planId, planId), eq(r.activity, activity), isNull(r.closedAt)))
		.all()
		.filter((round) => closesEarly(roundTimes(round), now));
}

/** Tells the invited participants that a round opened. */
export function announceRound(round: ConsultationRound, actorId: number): void {
	notify(participantsOf(round.planId, groupsOf(round)), {
		kind: 'round_opened',
		planId: round.planId,
		roundId: round.id,
		actorId,
		link: roundLink(round.planId, round.id),
		excerpt: roundExcerpt(round)
	});
}

/** Closes the activity's open rounds (inside the workflow's close transaction); returns them. */
export function closeRounds(
	planId: number,
	activity: Activity,
	actor: Actor,
	/** Required by the caller when a round closes before its planned end; stored for those. */
	reason: string | null = null
): ConsultationRound[] {
	const r = schema.consultationRounds;
	const open = getDb()
		.select()
		.from(r)
		.where(and(eq(r.planId, planId), eq(r.activity, activity), isNull(r.closedAt)))
		.all();
	const at = new Date();
	const closed: ConsultationRound[] = [];
	for (const round of open) {
		const early = closesEarly(roundTimes(round), at.getTime());
		const closeReason = early ? reason : null;
		getDb()
			.update(r)
			.set({ closedAt: at, closedBy: actor.user.id, closeReason })
			.where(eq(r.id, round.id))
			.run();
		appendAudit({
			action: 'consultation.closed',
			actorId: actor.user.id,
			planId,
			target: `round:${round.id}`,
			ip: actor.ip,
			details: { activity, versionId: round.versionId, early, reason: closeReason }
		});
		closed.push({ ...round, closedAt: at, closedBy: actor.user.id, closeReason });
	}
	return closed;
}

/** Tells the participants and everyone who commented that a round closed (once per round). */
export function announceClosed(rounds: readonly ConsultationRound[], actorId: number | null): void {
	const r = schema.consultationRounds;
	for (const round of rounds) {
		if (round.endNotifiedAt) continue;
		getDb().update(r).set({ endNotifiedAt: new Date() }).where(eq(r.id, round.id)).run();
		const commenters = getDb()
			.selectDistinct({ id: schema.commentThreads.authorId })
			.from(schema.commentThreads)
			.where(eq(schema.commentThreads.roundId, round.id))
			.all()
			.map((r) => r.id);
		notify([...participantsOf(round.planId, groupsOf(round)), ...commenters], {
			kind: 'round_closed',
			planId: round.planId,
			roundId: round.id,
			actorId,
			link: roundLink(round.planId, round.id),
			excerpt: roundExcerpt(round)
		});
	}
}

/**
 * Rounds whose period ended without the workflow closing them: tell their participants once.
 * Runs with the server's housekeeping.
 */
export function announceEndedRounds(now = Date.now()): number {
	const r = schema.consultationRounds;
	const ended = getDb()
		.select()
		.from(r)
		.where(and(lte(r.closesAt, new Date(now)), isNull(r.closedAt), isNull(r.endNotifiedAt)))
		.all();
	announceClosed(ended, null);
	return ended.length;
}

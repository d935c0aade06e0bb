/**
 * Consultation rounds' periods and who may comment (issue 5). Pure and isomorphic: the server
 * decides with these and the server clock; pages only mirror the answers.
 *
 * A period is whole days in the instance's time zone (TIME_ZONE, default Asia/Shanghai, see
 * dates.ts): it opens at 00:00 of its first day and closes at 24:00 of its last. 30 days is the default, as Chinese rules for
 * major administrative decisions and plans expect (《重大行政决策程序暂行条例》第十五条); a shorter
 * period needs a reason, which participants are shown.
 */
import { dayOf, dayStartIn, formatDay } from '../dates.ts';
import { ORGANIZATION_TYPES, type OrganizationType } from '../roles.ts';

export const DEFAULT_DAYS = 30;
export const MIN_DAYS = 1;
export const MAX_DAYS = 180;
export const REASON_MAX = 500;
const DAY = 86_400_000;

/** A participant group is an organization type; the public link is separate. */
export type ParticipantGroup = OrganizationType;
export const PARTICIPANT_GROUPS: readonly ParticipantGroup[] = ORGANIZATION_TYPES;
/** Who a comment in the report came from: a group, or the public through the link. */
export type ParticipantType = ParticipantGroup | 'public';
export const PARTICIPANT_TYPES: readonly ParticipantType[] = [...ORGANIZATION_TYPES, 'public'];

/** The calendar day (YYYY-MM-DD) of an instant in the instance's zone (China by default). */
export function chinaDay(at: number): string {
	return dayOf(at);
}

/** 00:00 in the instance's zone of a YYYY-MM-DD day, or undefined if it is not a real date. */
export function dayStart(day: string): number | undefined {
	return dayStartIn(day);
}

export interface RoundConfigInput {
	groups: readonly string[];
	/** First day (YYYY-MM-DD, China time); empty for today. */
	startsOn?: string;
	days: number;
	shortReason?: string;
	publicLink: boolean;
	/** 公开: opinions are public while the round runs (default 不公开: once it is over). */
	opinionsPublic?: boolean;
}

export interface RoundConfig {
	groups: ParticipantGroup[];
	opensAt: number;
	closesAt: number;
	days: number;
	shortReason: string | null;
	publicLink: boolean;
	opinionsPublic: boolean;
}

export type ConfigProblem =
	'round-groups-required' | 'round-days-invalid' | 'round-start-invalid' | 'round-reason-required';

/** Checks a round's settings against today (China time); a problem code or the settings. */
export function roundConfig(
	input: RoundConfigInput,
	now: number
): { ok: true; config: RoundConfig } | { ok: false; problem: ConfigProblem } {
	const groups = PARTICIPANT_GROUPS.filter((g) => input.groups.includes(g));
	if (groups.length === 0 || groups.length !== new Set(input.groups).size)
		return { ok: false, problem: 'round-groups-required' };
	const days = input.days;
	if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS)
		return { ok: false, problem: 'round-days-invalid' };
	const today = chinaDay(now);
	const startDay = input.startsOn?.trim() || today;
	const opensAt = dayStart(startDay);
	if (opensAt === undefined || startDay < today)
		return { ok: false, problem: 'round-start-invalid' };
	const reason = input.shortReason?.trim() ?? '';
	if (days < DEFAULT_DAYS && reason === '') return { ok: false, problem: 'round-reason-required' };
	return {
		ok: true,
		config: {
			groups,
			opensAt,
			closesAt: opensAt + days * DAY,
			days,
			shortReason: days < DEFAULT_DAYS ? reason.slice(0, REASON_MAX) : null,
			publicLink: input.publicLink,
			opinionsPublic: input.opinionsPublic ?? false
		}
	};
}

export type RoundPhase = 'scheduled' | 'open' | 'ended' | 'closed';

export interface RoundTimes {
	opensAt: number;
	closesAt: number;
	closedAt: number | null;
}

/** Where a round stands at an instant: before, during, after its period, or closed early. */
export function roundPhase(round: RoundTimes, now: number): RoundPhase {
	if (round.closedAt !== null && round.closedAt <= now) return 'closed';
	if (now < round.opensAt) return 'scheduled';
	if (now >= round.closesAt) return 'ended';
	return 'open';
}

export type CommentRefusal =
	'round-not-open' | 'round-ended' | 'round-closed' | 'round-not-invited';

/** Why a participant of a type may not comment now (undefined: they may). */
export function commentRefusal(
	round: RoundTimes & { groups: readonly ParticipantGroup[] },
	participant: ParticipantType,
	now: number
): CommentRefusal | undefined {
	const phase = roundPhase(round, now);
	if (phase === 'closed') return 'round-closed';
	if (phase === 'ended') return 'round-ended';
	if (phase === 'scheduled') return 'round-not-open';
	if (participant !== 'public' && !round.groups.includes(participant)) return 'round-not-invited';
	return undefined;
}

/** The last day of a period (inclusive), for display. */
export function lastDay(round: Pick<RoundTimes, 'closesAt'>): string {
	return chinaDay(round.closesAt - 1);
}

/** Closing a round before its planned end needs a reason (stored, shown with the period). */
export function closesEarly(round: RoundTimes, now: number): boolean {
	return round.closedAt === null && now < round.closesAt;
}

export interface PeriodFacts {
	opensAt: number;
	closesAt: number;
	days: number;
	closedAt: number | null;
	closeReason: string | null;
}

/**
 * How a closed round actually ended: on which day, and whether before its planned end (with the
 * reason given). Null while it is not closed.
 */
export function actualEnd(
	round: PeriodFacts
): { day: string; early: boolean; reason: string | null } | null {
	if (round.closedAt === null) return null;
	const early = round.closedAt < round.closesAt;
	return {
		day: early ? chinaDay(round.closedAt) : lastDay(round),
		early,
		reason: early ? round.closeReason : null
	};
}

/**
 * The period as documents and notices print it: 计划 2026年12月6日至2027年1月4日（30日）, and once
 * closed ；实际 2026年12月6日结束（提前结束，理由：…） or ；实际 2027年1月4日期满结束.
 */
export function periodText(round: PeriodFacts): string {
	const planned = `计划 ${formatDay(chinaDay(round.opensAt))}至${formatDay(lastDay(round))}（${round.days}日）`;
	const actual = actualEnd(round);
	if (!actual) return planned;
	return actual.early
		? `${planned}；实际 ${formatDay(actual.day)}结束（提前结束${actual.reason ? `，理由：${actual.reason}` : ''}）`
		: `${planned}；实际 ${formatDay(actual.day)}期满结束`;
}

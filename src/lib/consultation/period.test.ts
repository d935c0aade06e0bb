import { describe, expect, it } from 'vitest';
import {
	actualEnd,
	chinaDay,
	closesEarly,
	commentRefusal,
	dayStart,
	lastDay,
	periodText,
	roundConfig,
	roundPhase
} from './period.ts';

// 2026-11-30 10:00 China time.
const NOW = Date.parse('2026-11-30T02:00:00Z');
const base = { groups: ['residents', 'enterprise'], days: 30, publicLink: false };

describe('round periods', () => {
	it('defaults to 30 days from today, China time', () => {
		const result = roundConfig(base, NOW);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(chinaDay(result.config.opensAt)).toBe('2026-11-30');
		expect(new Date(result.config.opensAt).toISOString()).toBe('2026-11-29T16:00:00.000Z');
		expect(lastDay(result.config)).toBe('2026-12-29');
		expect(result.config.shortReason).toBeNull();
		expect(result.config.groups).toEqual(['enterprise', 'residents']);
	});

	it('needs a reason for a shorter period, and keeps it', () => {
		expect(roundConfig({ ...base, days: 10 }, NOW)).toEqual({
			ok: false,
			problem: 'round-reason-required'
		});
		const ok = roundConfig({ ...base, days: 10, shortReason: ' 紧急事项 ' }, NOW);
		expect(ok.ok && ok.config.shortReason).toBe('紧急事项');
		// A reason given for a full period is not kept.
		const full = roundConfig({ ...base, shortReason: 'x' }, NOW);
		expect(full.ok && full.config.shortReason).toBeNull();
	});

	it('refuses no groups, unknown groups, bad days and past or impossible start days', () => {
		expect(roundConfig({ ...base, groups: [] }, NOW).ok).toBe(false);
		expect(roundConfig({ ...base, groups: ['residents', 'aliens'] }, NOW).ok).toBe(false);
		expect(roundConfig({ ...base, days: 0 }, NOW).ok).toBe(false);
		expect(roundConfig({ ...base, days: 1.5 }, NOW).ok).toBe(false);
		expect(roundConfig({ ...base, days: 999 }, NOW).ok).toBe(false);
		expect(roundConfig({ ...base, startsOn: '2026-11-29' }, NOW)).toEqual({
			ok: false,
			problem: 'round-start-invalid'
		});
		expect(roundConfig({ ...base, startsOn: '2026-02-30' }, NOW).ok).toBe(false);
		expect(dayStart('2026-1-1')).toBeUndefined();
		const later = roundConfig({ ...base, startsOn: '2027-01-05' }, NOW);
		expect(later.ok && chinaDay(later.config.opensAt)).toBe('2027-01-05');
	});
});

describe('who may comment when', () => {
	const round = {
		opensAt: Date.parse('2026-11-29T16:00:00Z'),
		closesAt: Date.parse('2026-12-29T16:00:00Z'),
		closedAt: null,
		groups: ['residents'] as const
	};

	it('follows the phase of the round', () => {
		expect(roundPhase(round, round.opensAt - 1)).toBe('scheduled');
		expect(roundPhase(round, round.opensAt)).toBe('open');
		expect(roundPhase(round, round.closesAt - 1)).toBe('open');
		expect(roundPhase(round, round.closesAt)).toBe('ended');
		expect(roundPhase({ ...round, closedAt: NOW }, NOW)).toBe('closed');
	});

	it('refuses outside the period, outside the groups and on closed rounds', () => {
		expect(commentRefusal(round, 'residents', NOW)).toBeUndefined();
		expect(commentRefusal(round, 'public', NOW)).toBeUndefined();
		expect(commentRefusal(round, 'enterprise', NOW)).toBe('round-not-invited');
		expect(commentRefusal(round, 'residents', round.opensAt - 1)).toBe('round-not-open');
		expect(commentRefusal(round, 'residents', round.closesAt)).toBe('round-ended');
		expect(commentRefusal({ ...round, closedAt: NOW - 1 }, 'residents', NOW)).toBe('round-closed');
	});
});

describe('the period as documents print it', () => {
	// Opened 2026-12-06 00:00 China time for 30 days.
	const opensAt = Date.parse('2026-12-05T16:00:00Z');
	const round = {
		opensAt,
		closesAt: opensAt + 30 * 86_400_000,
		days: 30,
		closedAt: null as number | null,
		closeReason: null as string | null
	};

	it('gives the planned period in China days, whatever the process’s zone', () => {
		expect(periodText(round)).toBe('计划 2026年12月6日至2027年1月4日（30日）');
	});

	it('adds how it actually ended once closed: early with the reason, or at the end', () => {
		const early = { ...round, closedAt: opensAt + 4 * 60_000, closeReason: '意见已收齐' };
		expect(periodText(early)).toBe(
			'计划 2026年12月6日至2027年1月4日（30日）；实际 2026年12月6日结束（提前结束，理由：意见已收齐）'
		);
		expect(actualEnd(early)).toEqual({ day: '2026-12-06', early: true, reason: '意见已收齐' });
		const late = { ...round, closedAt: round.closesAt + 86_400_000 };
		expect(periodText(late)).toBe(
			'计划 2026年12月6日至2027年1月4日（30日）；实际 2027年1月4日期满结束'
		);
		expect(closesEarly(round, opensAt + 1)).toBe(true);
		expect(closesEarly(round, round.closesAt)).toBe(false);
	});
});

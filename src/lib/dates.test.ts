import { describe, expect, it } from 'vitest';
import {
	dayOf,
	dayStartIn,
	formatDate,
	formatDateTime,
	formatDay,
	formatTime,
	isTimeZone
} from './dates.ts';

// 2026-12-06 00:30 in China is 2026-12-05 16:30 UTC: the instant a UTC conversion printed 12月5日.
const JUST_AFTER_MIDNIGHT_CHINA = Date.parse('2026-12-05T16:30:00Z');

describe('dates in the plan’s zone, whatever the process’s', () => {
	it('runs this suite in UTC (npm test, vite.config.ts), so drift would show', () => {
		expect(process.env.TZ).toBe('UTC');
		expect(new Date(JUST_AFTER_MIDNIGHT_CHINA).getDate()).toBe(5);
	});

	it('writes an instant just after midnight China time as that Chinese day', () => {
		expect(formatDate(JUST_AFTER_MIDNIGHT_CHINA)).toBe('2026年12月6日');
		expect(formatDateTime(JUST_AFTER_MIDNIGHT_CHINA)).toBe('2026年12月6日 00:30');
		expect(formatTime(JUST_AFTER_MIDNIGHT_CHINA)).toBe('00:30');
		expect(dayOf(JUST_AFTER_MIDNIGHT_CHINA)).toBe('2026-12-06');
		expect(formatDate(new Date(JUST_AFTER_MIDNIGHT_CHINA).toISOString())).toBe('2026年12月6日');
	});

	it('takes an explicit zone', () => {
		expect(formatDate(JUST_AFTER_MIDNIGHT_CHINA, 'UTC')).toBe('2026年12月5日');
		expect(formatDateTime(JUST_AFTER_MIDNIGHT_CHINA, 'Europe/Berlin')).toBe('2026年12月5日 17:30');
		expect(dayOf(JUST_AFTER_MIDNIGHT_CHINA, 'America/New_York')).toBe('2026-12-05');
	});

	it('finds the instant a day begins in a zone, across a daylight-saving change too', () => {
		expect(dayStartIn('2026-12-06')).toBe(Date.parse('2026-12-05T16:00:00Z'));
		expect(dayStartIn('2026-12-06', 'UTC')).toBe(Date.parse('2026-12-06T00:00:00Z'));
		// Berlin switches to summer time on 2026-03-29 at 02:00.
		expect(dayStartIn('2026-03-29', 'Europe/Berlin')).toBe(Date.parse('2026-03-28T23:00:00Z'));
		expect(dayStartIn('2026-03-30', 'Europe/Berlin')).toBe(Date.parse('2026-03-29T22:00:00Z'));
		expect(dayStartIn('2026-02-30')).toBeUndefined();
		expect(dayStartIn('not a day')).toBeUndefined();
	});

	it('writes calendar days and leaves what is not a date alone', () => {
		expect(formatDay('2027-01-04')).toBe('2027年1月4日');
		expect(formatDay('明年')).toBe('明年');
		expect(formatDate('not a date')).toBe('not a date');
		expect(isTimeZone('Asia/Shanghai')).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
	});
});

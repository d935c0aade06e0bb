import { describe, expect, it } from 'vitest';
import { isWorkingDay, parseHolidays, workingDeadline } from './working-days.ts';

const ZONE = 'Asia/Shanghai';
/** An instant given as a Beijing wall-clock time. */
const beijing = (text: string) => Date.parse(`${text}+08:00`);

describe('working days', () => {
	it('skips weekends', () => {
		// Friday 2026-12-04 + 1 working day → Monday 2026-12-07, end of day in Beijing.
		expect(workingDeadline(beijing('2026-12-04T10:00:00'), 1, new Set(), ZONE)).toBe(
			beijing('2026-12-07T23:59:59.999')
		);
		expect(workingDeadline(beijing('2026-12-01T10:00:00'), 3, new Set(), ZONE)).toBe(
			beijing('2026-12-04T23:59:59.999')
		);
	});

	it('skips configured holidays', () => {
		const holidays = parseHolidays('2027-01-01, nonsense ,2026-12-31');
		expect(holidays).toEqual(new Set(['2027-01-01', '2026-12-31']));
		expect(isWorkingDay('2026-12-31', holidays)).toBe(false);
		// Wednesday 12-30 + 2 → Thu 31 and Fri 1 are holidays, Sat/Sun skipped → Tue 2027-01-05.
		expect(workingDeadline(beijing('2026-12-30T09:00:00'), 2, holidays, ZONE)).toBe(
			beijing('2027-01-05T23:59:59.999')
		);
	});

	it('uses the day in the zone, not in UTC', () => {
		// 23:30 UTC on Friday is already Saturday in Beijing: +1 working day is Monday.
		expect(workingDeadline(Date.parse('2026-12-04T23:30:00Z'), 1, new Set(), ZONE)).toBe(
			beijing('2026-12-07T23:59:59.999')
		);
	});
});

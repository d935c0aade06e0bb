/**
 * Deadlines in working days (issue 14): weekends and the configured public holidays are skipped.
 * Days are calendar days in the instance's zone; a step due in N working days is due at the end
 * of the N-th working day after the day it began.
 */

/** YYYY-MM-DD of an instant in a zone. */
function dayIn(ms: number, timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(ms);
}

/** Offset of the zone from UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(ms);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second')
	);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Whether a YYYY-MM-DD day is a working day. */
export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The day after a YYYY-MM-DD day. */
function nextDay(day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/** The end (last millisecond) of the N-th working day after `start`'s day, in the zone. */
export function workingDeadline(
	start: number,
	days: number,
	holidays: ReadonlySet<string>,
	timeZone: string
): number {
	let day = dayIn(start, timeZone);
	let left = Math.max(0, Math.floor(days));
	while (left > 0) {
		day = nextDay(day);
		if (isWorkingDay(day, holidays)) left -= 1;
	}
	const endUtc = Date.parse(`${nextDay(day)}T00:00:00Z`);
	return endUtc - offsetAt(endUtc, timeZone) - 1;
}

/** Parses a comma-separated holiday list (YYYY-MM-DD); anything else is ignored. */
export function parseHolidays(list: string | undefined): Set<string> {
	return new Set(
		(list ?? '')
			.split(',')
			.map((d) => d.trim())
			.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
	);
}

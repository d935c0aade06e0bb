/**
 * Every date and time a person reads — pages, exports, notices, the verification block — goes
 * through here, in an explicit time zone: the instance's (`TIME_ZONE`, default Asia/Shanghai).
 * Written as Chinese officials write them: 2026年12月6日, 2026年12月6日 14:05. Never through the
 * process's own zone (`getDate()`, `toISOString().slice(0, 10)`): the server may run in UTC, and a
 * round opened at 00:30 on 12-06 China time was printed 12月5日 that way.
 *
 * Isomorphic and relative-import free: the export worker and the browser use it too. The browser
 * learns the zone from the root layout (`setDisplayTimeZone`), the server from its configuration.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

let displayZone = DEFAULT_TIME_ZONE;

/** The zone `formatDate`/`formatDateTime` use when none is given (set once at start / hydration). */
export function setDisplayTimeZone(timeZone: string): void {
	if (isTimeZone(timeZone)) displayZone = timeZone;
}

export function displayTimeZone(): string {
	return displayZone;
}

export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone });
		return true;
	} catch {
		return false;
	}
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function parts(value: Date | number | string, timeZone: string) {
	let format = partFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
			hourCycle: 'h23'
		});
		partFormats.set(timeZone, format);
	}
	const out: Record<string, number> = {};
	for (const p of format.formatToParts(new Date(value)))
		if (p.type !== 'literal') out[p.type] = Number(p.value);
	return {
		year: out.year,
		month: out.month,
		day: out.day,
		hour: out.hour,
		minute: out.minute,
		second: out.second
	};
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(value: Date | number | string): boolean {
	return !Number.isNaN(new Date(value).getTime());
}

/** 2026年12月6日 (the calendar day in `timeZone`). */
export function formatDate(value: Date | number | string, timeZone = displayZone): string {
	if (!valid(value)) return String(value);
	const p = parts(value, timeZone);
	return `${p.year}年${p.month}月${p.day}日`;
}

/** 2026年12月6日 14:05. */
export function formatDateTime(value: Date | number | string, timeZone = displayZone): string {
	if (!valid(value)) return String(value);
	const p = parts(value, timeZone);
	return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** 14:05. */
export function formatTime(value: Date | number | string, timeZone = displayZone): string {
	if (!valid(value)) return String(value);
	const p = parts(value, timeZone);
	return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function dayOf(value: Date | number | string, timeZone = displayZone): string {
	const p = parts(value, timeZone);
	return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** A calendar day written YYYY-MM-DD as 2026年12月6日 (no instant, so no zone). */
export function formatDay(day: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) return day;
	return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/**
 * The instant 00:00 of a YYYY-MM-DD day begins in `timeZone`, or undefined if the day is not a
 * real date. Found by correcting the UTC midnight by the zone's offset there (twice, for a day on
 * which the offset changes).
 */
export function dayStartIn(day: string, timeZone = displayZone): number | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
	const utc = Date.parse(`${day}T00:00:00Z`);
	if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== day) return undefined;
	let at = utc;
	for (let i = 0; i < 2; i++) {
		const p = parts(at, timeZone);
		const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
		at = utc - (local - at);
	}
	return at;
}

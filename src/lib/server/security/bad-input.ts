/**
 * Input the schemas let through but the database cannot store is the request's fault, not the
 * server's: a 400 with a log line, never a 500 (fail closed per request). The text schemas
 * (src/lib/text-rules.ts) keep NUL and its kin out; this is the net under them, for a field that
 * slipped through or a value no schema looks at (a route parameter, a query string).
 *
 * On PostgreSQL that is SQLSTATE class 22, "data exception": a NUL in text (22021), an
 * untranslatable character (22P05), a number out of range (22003), text that is no valid number or
 * date (22P02, 22007/22008); and 54000, a value too large to index. SQLite stores almost anything;
 * its two of the kind are SQLITE_TOOBIG and SQLITE_MISMATCH.
 */

const SQLITE_CODES = new Set(['SQLITE_TOOBIG', 'SQLITE_MISMATCH']);

/** Whether `error` (or an error it wraps, as drizzle wraps the driver's) says the data was bad. */
export function isBadInputError(error: unknown): boolean {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
		const { sqlState, code } = current as { sqlState?: unknown; code?: unknown };
		if (typeof sqlState === 'string' && (sqlState.startsWith('22') || sqlState === '54000'))
			return true;
		if (typeof code === 'string' && SQLITE_CODES.has(code)) return true;
		current = current.cause;
	}
	return false;
}

/** The SQLSTATE or SQLite code that made `error` bad input, for the log line. */
export function badInputCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
		const { sqlState, code } = current as { sqlState?: unknown; code?: unknown };
		if (typeof sqlState === 'string') return sqlState;
		if (typeof code === 'string' && SQLITE_CODES.has(code)) return code;
		current = current.cause;
	}
	return undefined;
}

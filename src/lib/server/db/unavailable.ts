/**
 * Whether an error means "the database cannot be reached right now" rather than "this request is
 * wrong": PostgreSQL gone (connection classes 08, shutting down 57P0x), a statement that did not
 * get an answer, the bridge's worker thread lost, or SQLite's writer lock not free in time. The
 * error page then says so — try again shortly — instead of calling it an internal error.
 */
const UNAVAILABLE = new Set(['SQLITE_BUSY', '57P01', '57P02', '57P03', '57014']);

export function isDatabaseUnavailable(error: unknown): boolean {
	if (!error || typeof error !== 'object') return false;
	const { code, sqlState } = error as { code?: unknown; sqlState?: unknown };
	const state = typeof sqlState === 'string' ? sqlState : typeof code === 'string' ? code : '';
	return state.startsWith('08') || UNAVAILABLE.has(state) || UNAVAILABLE.has(String(code));
}

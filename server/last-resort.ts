/**
 * The process-level last resort: what happens to an error that no per-request boundary caught.
 *
 * Every request path has its own boundary (the HTTP handler in server/index.ts and SvelteKit's
 * handleError, the /collab upgrade, each WebSocket message, each export worker call): a malformed
 * input gets its 4xx there and a log line. An error that still reaches the process is therefore
 * unknown by construction, and the process cannot prove that its state (documents in memory, the
 * group commit, half-run transactions) is intact. So the policy is:
 *
 * - keep serving only for a network error of one connection (ECONNRESET, EPIPE, ECONNABORTED on a
 *   socket read or write) — Node has destroyed that socket before emitting the error, and nothing of
 *   ours lives on it: the peer went away, there is nothing to repair;
 * - log everything else as fatal and exit with code 1 at once, so the supervisor (systemd
 *   `Restart=always`, docs/lantu.service) starts a clean process. Nothing acknowledged is lost: an
 *   update is acknowledged only after its commit, and clients resend what was not acknowledged.
 */
import type { Logger } from 'pino';

const CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const SOCKET_SYSCALLS = new Set(['read', 'write', 'writev']);

/** An error that belongs to one peer's connection only (see the policy above). */
export function isConnectionScoped(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const { code, syscall } = error as NodeJS.ErrnoException;
	return (
		code !== undefined &&
		CONNECTION_CODES.has(code) &&
		syscall !== undefined &&
		SOCKET_SYSCALLS.has(syscall)
	);
}

export type Verdict = 'continue' | 'exit';

export function verdict(error: unknown): Verdict {
	return isConnectionScoped(error) ? 'continue' : 'exit';
}

/** Installs the handlers; `exit` is process.exit in production (a parameter for the unit test). */
export function installLastResort(log: Logger, exit: (code: number) => void = process.exit) {
	function handle(kind: 'uncaughtException' | 'unhandledRejection', error: unknown) {
		if (verdict(error) === 'continue') {
			log.warn({ err: error, kind }, 'connection error escaped its handler; serving on');
			return;
		}
		log.fatal({ err: error, kind }, 'unexpected error outside any request boundary; exiting');
		exit(1);
	}
	process.on('uncaughtException', (error) => handle('uncaughtException', error));
	process.on('unhandledRejection', (reason) => handle('unhandledRejection', reason));
}

/**
 * Starts one real server (built app, fresh temporary database with the demo city) for the browser
 * tests and hands its URL to them through the environment; returns the teardown.
 *
 * LANTU_E2E_REUSE_URL=http://127.0.0.1:PORT runs against a server that is already up instead (one
 * started by `tests/e2e/serve.ts`), so separate `playwright test <file>` runs share its
 * state: that is how the specs are checked to leave the demo plan usable in any order (with the
 * LANTU_E2E_MAILDIR it printed, for the spec that reads the mailbox).
 */
import { startE2eStack } from './stack.ts';

export default async function globalSetup() {
	const reuse = process.env.LANTU_E2E_REUSE_URL;
	if (reuse) {
		process.env.LANTU_E2E_URL = reuse;
		return async () => {};
	}
	const stack = await startE2eStack();
	process.env.LANTU_E2E_URL = stack.server.url;
	return stack.stop;
}

/**
 * The e2e server with what the 待办 specs need beside it: a loopback mailbox (the app's SMTP_URL;
 * each message also written to a directory the specs read, LANTU_E2E_MAILDIR) and the test clock
 * (LANTU_TEST_CLOCK). Used by global-setup.ts, serve.ts and scripts/e2e-shuffled.ts alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMailbox } from '../helpers/mailbox.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { E2E_SERVER_ENV } from './server-env.ts';

export async function startE2eStack(): Promise<{
	server: TestServer;
	mailDir: string;
	stop: () => Promise<void>;
}> {
	const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-e2e-mail-'));
	const mailbox = await startMailbox({ dir: mailDir });
	const server = await startServer({
		env: { ...E2E_SERVER_ENV, SMTP_URL: mailbox.url, LANTU_TEST_CLOCK: '1' }
	});
	// Playwright hands the runner's environment to its workers: the specs find the mailbox here.
	process.env.LANTU_E2E_MAILDIR = mailDir;
	return {
		server,
		mailDir,
		async stop() {
			await server.stop();
			await mailbox.close();
			fs.rmSync(mailDir, { recursive: true, force: true });
		}
	};
}

/**
 * One e2e server that outlives a `playwright test` run: prints its URL and stops on SIGINT/SIGTERM.
 * With LANTU_E2E_REUSE_URL set to that URL, spec files run one by one in any order share its
 * database, which shows whether each spec leaves the demo plan usable for the next:
 *
 *   ./node_modules/.bin/node tests/e2e/serve.ts &   # prints http://127.0.0.1:PORT
 *   LANTU_E2E_REUSE_URL=http://127.0.0.1:PORT npx playwright test tests/e2e/consultation.spec.ts
 *   LANTU_E2E_REUSE_URL=http://127.0.0.1:PORT npx playwright test tests/e2e/blocks.spec.ts
 */
import { startServer } from '../helpers/server.ts';
import { E2E_SERVER_ENV } from './server-env.ts';

const server = await startServer({ env: E2E_SERVER_ENV });
console.log(server.url);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		void server.stop().then(() => process.exit(0));
	});
}

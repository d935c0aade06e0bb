/**
 * One e2e server that outlives a `playwright test` run: prints its URL and stops on SIGINT/SIGTERM.
 * With LANTU_E2E_REUSE_URL set to that URL, spec files run one by one in any order share its
 * database, which shows whether each spec leaves the demo plan usable for the next:
 *
 *   ./node_modules/.bin/node tests/e2e/serve.ts &   # prints http://127.0.0.1:PORT and the mail dir
 *   export LANTU_E2E_MAILDIR=…                      # as printed (todo-signoff.spec.ts reads it)
 *   LANTU_E2E_REUSE_URL=http://127.0.0.1:PORT npx playwright test tests/e2e/consultation.spec.ts
 *   LANTU_E2E_REUSE_URL=http://127.0.0.1:PORT npx playwright test tests/e2e/blocks.spec.ts
 */
import { startE2eStack } from './stack.ts';

const stack = await startE2eStack();
console.log(stack.server.url);
console.log(`LANTU_E2E_MAILDIR=${stack.mailDir}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		void stack.stop().then(() => process.exit(0));
	});
}

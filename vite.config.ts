import { paraglideVitePlugin } from '@inlang/paraglide-js';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { collabDevServer } from './server/dev-plugin.ts';
import { serverEntryBuild } from './server/entry-build.ts';
import { APP_CSP_DIRECTIVES } from './src/lib/server/security/csp.ts';

export default defineConfig({
	plugins: [
		tailwindcss(),
		sveltekit({
			adapter: adapter({ out: 'build' }),
			// SvelteKit's CSRF protection (origin check on form posts) stays on: no other origin is trusted.
			csrf: { trustedOrigins: [] },
			// A strict CSP on every page: nonce'd bootstrap, no inline script (src/lib/server/security/csp.ts).
			csp: { mode: 'auto', directives: APP_CSP_DIRECTIVES }
		}),
		// Under Vitest the messages are already compiled (npm install's `prepare` and every build do it),
		// and the plugin's compiler keeps handles open that stop Vitest from exiting.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				// Chinese first: the UI is zh-CN unless the user picked English (cookie); the browser's
				// Accept-Language does not override it, because officials' machines often say en-US.
				strategy: ['cookie', 'baseLocale']
			}),
		collabDevServer(),
		// After the adapter (its buildApp hook is 'post' too, and comes first): build/server.js.
		serverEntryBuild()
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
					setupFiles: ['tests/unit-setup.ts'],
					// Dates must never depend on the process's zone (dates.ts): test in UTC, not China.
					env: { TZ: 'UTC' }
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					// PostgreSQL's own tests (the bridge, the throwaway cluster) belong to its pass alone:
					// left out of the SQLite pass rather than counted there as skipped.
					exclude:
						process.env.LANTU_TEST_DB === 'postgres'
							? configDefaults.exclude
							: [
									...configDefaults.exclude,
									'tests/integration/pg-bridge.test.ts',
									'tests/integration/postgres-down.test.ts',
									'tests/integration/postgres-socket.test.ts',
									'tests/integration/update-log-order.test.ts',
									'tests/integration/postgres-helper.test.ts'
								],
					globalSetup: ['tests/integration/global-setup.ts'],
					// PostgreSQL pass: each file's databases are dropped after it (tests/helpers/postgres.ts).
					setupFiles: ['tests/integration/setup.ts'],
					// The servers the tests start inherit it: UTC, while the plan's zone is China.
					env: { TZ: 'UTC' },
					testTimeout: 30_000,
					hookTimeout: 120_000,
					// Each file starts its own server; two cores are what the machine has.
					maxWorkers: 2
				}
			}
		]
	}
});

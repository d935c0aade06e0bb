import { defineConfig, devices } from '@playwright/test';
import { findChromium, INSTALL_HINT } from './tests/helpers/browser.ts';

const executablePath = findChromium();
const FREEZING = ['**/consultation.spec.ts', '**/workflow.spec.ts', '**/sign-steps.spec.ts'];
if (!executablePath) throw new Error(INSTALL_HINT);

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	// One shared server per run; two workers keep the two cores busy without starving the server.
	workers: 2,
	timeout: 45_000,
	expect: { timeout: 10_000 },
	reporter: 'list',
	// Three specs freeze a whole chapter while they run (a consultation round makes chapter 9 read-only,
	// the sign-off path chapter 6, the in-order sign-off chapter 8) and restore it at the end; they run after the others so no spec
	// that writes those chapters runs beside them. Each spec prepares its own state otherwise. Run one
	// of them alone with `--no-deps` (else the shared project runs first).
	projects: [
		{ name: 'shared', testIgnore: FREEZING },
		{ name: 'freezing', testMatch: FREEZING, dependencies: ['shared'] }
	],
	use: {
		...devices['Desktop Chrome'],
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'on-first-retry',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking'
			]
		}
	}
});

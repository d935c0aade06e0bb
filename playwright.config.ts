import { defineConfig, devices } from '@playwright/test';
import { findChromium, INSTALL_HINT } from './tests/helpers/browser.ts';

const executablePath = findChromium();
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
	// Every spec prepares its own state and runs in any order: the two that freeze a chapter
	// (consultation, workflow) do it on their own copy of the demo plan (tests/e2e/server-env.ts).
	// `node scripts/e2e-shuffled.ts` runs the spec files one by one in a random order on one server.
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

/**
 * Finds a Chromium for Playwright: Playwright's own download if present, else Debian's package.
 * Returns undefined when there is none; callers say how to install one.
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome'
];

export function findChromium(): string | undefined {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
	try {
		const own = chromium.executablePath();
		if (own && fs.existsSync(own)) return own;
	} catch {
		// Playwright has no browser of its own here
	}
	return SYSTEM_CHROMIUM.find((p) => fs.existsSync(p));
}

export const INSTALL_HINT =
	'No Chromium found for the browser tests. Install one: `apt-get install chromium` (Debian/Ubuntu) ' +
	'or `npx playwright install chromium`, or set CHROMIUM_PATH.';

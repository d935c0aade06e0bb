/**
 * Shared fixtures: `baseURL` is the server global-setup started; `loginAs` puts a real session
 * cookie (from a real HTTP login) into a browser context, so only the login test types passwords.
 */
import { test as base, expect, type BrowserContext, type Locator } from '@playwright/test';
import { login } from '../helpers/http.ts';

export function serverUrl(): string {
	const url = process.env.LANTU_E2E_URL;
	if (!url) throw new Error('LANTU_E2E_URL is not set: run through playwright.config.ts');
	return url;
}

export async function loginAs(context: BrowserContext, username: string, password?: string) {
	const url = serverUrl();
	const cookie = await login(url, username, password);
	const [name, value] = cookie.split('=');
	await context.addCookies([{ name, value, url, httpOnly: true, sameSite: 'Lax' }]);
}

export const test = base.extend({
	// eslint-disable-next-line no-empty-pattern -- Playwright requires an object pattern here
	baseURL: async ({}, use) => {
		await use(serverUrl());
	}
});

export { expect };

/** Selects the first occurrence of `words` inside an editor, as a mouse drag would. */
export async function selectWords(editor: Locator, words: string) {
	await editor.evaluate((element, words) => {
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const index = node.textContent?.indexOf(words) ?? -1;
			if (index < 0) continue;
			const range = document.createRange();
			range.setStart(node, index);
			range.setEnd(node, index + words.length);
			const selection = window.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
			return;
		}
		throw new Error(`${words} not found`);
	}, words);
}

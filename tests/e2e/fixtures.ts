/**
 * Shared fixtures: `baseURL` is the server global-setup started; `loginAs` puts a real session
 * cookie (from a real HTTP login) into a browser context, so only the login test types passwords.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';
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

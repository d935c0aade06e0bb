/**
 * Shared fixtures: `baseURL` is the server global-setup started; `loginAs` puts a real session
 * cookie (from a real HTTP login) into a browser context, so only the login test types passwords.
 */
import { mkdirSync } from 'node:fs';
import {
	test as base,
	expect,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';
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

type Viewport = { width: number; height: number };

/** A page of its own browser context, signed in as `user`, at `path` (plan pages, workflow, …). */
export async function openAs(
	browser: Browser,
	user: string,
	path: string,
	viewport?: Viewport
): Promise<Page> {
	const context = await browser.newContext({ baseURL: serverUrl(), viewport });
	await loginAs(context, user);
	const page = await context.newPage();
	await page.goto(path);
	await hydrated(page);
	return page;
}

/**
 * Waits until the page's scripts run (the root layout marks <html> once mounted): a file chosen or
 * a button clicked before that is lost on a loaded machine.
 */
export async function hydrated(page: Page) {
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1, { timeout: 30_000 });
}

/**
 * A section page as `user`, once its editor has synced (已保存): of the demo plan (plan 1) unless
 * `plan` names one of the e2e server's copies (server-env.ts).
 */
export async function openSection(
	browser: Browser,
	user: string,
	clause: string,
	{ plan = 1, viewport }: { plan?: number; viewport?: Viewport } = {}
): Promise<Page> {
	const page = await openAs(browser, user, `/plans/${plan}/sections/${clause}`, viewport);
	await expect(page.locator('[data-status="saved"]')).toBeVisible();
	return page;
}

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

/**
 * Presses 发布征求意见稿 on a workflow page whose publish form the caller has set, waits for the
 * confirmation and returns the new round's path, checked to be a round of `plan`.
 */
export async function publishRound(admin: Page, plan: number): Promise<string> {
	await admin.getByTestId('publish-form').getByRole('button', { name: '发布征求意见稿' }).click();
	await expect(admin.getByRole('status').filter({ hasText: '征求意见稿已发布' })).toBeVisible();
	const href = await admin
		.getByRole('link', { name: /第 \d+ 版 · 征求意见中/ })
		.getAttribute('href');
	expect(href).toMatch(new RegExp(`^/plans/${plan}/rounds/\\d+$`));
	return href!;
}

/**
 * Screenshots for review (LANTU_SHOTS=dir): the page at 1280 and 390 wide, and a detail of it;
 * nothing without the variable.
 */
export async function reviewShots(page: Page, name: string, detail: Locator) {
	const dir = process.env.LANTU_SHOTS;
	if (!dir) return;
	mkdirSync(dir, { recursive: true });
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await detail.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${dir}/${name}-${width}.png` });
		await detail.screenshot({ path: `${dir}/${name}-${width}-detail.png` });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

/** A section page's body editor and its 修订 side list. */
export const sectionBody = (page: Page) => page.getByRole('textbox', { name: /正文$/ });
export const suggestionsPanel = (page: Page) => page.locator('[data-suggestions]');

/** The first paragraph's text, without the colleagues' cursor labels drawn into it. */
export function firstParagraph(page: Page): Promise<string> {
	return sectionBody(page)
		.locator('p')
		.first()
		.evaluate((p) => {
			const copy = p.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
			return (copy.textContent ?? '').replace(/[\u200B\u2060]/g, '');
		});
}

/** Puts the caret at the end of the first paragraph (End alone stops at a wrapped line's end). */
export async function caretAtParagraphEnd(page: Page) {
	await sectionBody(page).click();
	await sectionBody(page)
		.locator('p')
		.first()
		.evaluate((p) => {
			const range = document.createRange();
			range.selectNodeContents(p);
			range.collapse(false);
			const selection = window.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
		});
}

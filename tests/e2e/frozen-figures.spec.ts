/**
 * A resident reading a consultation round sees the figures of the frozen version — the diagrams
 * redrawn from the version's own rows, numbered as the version's export numbers them — and not the
 * draft's later changes; the version page shows the same figures, and so does the round's public
 * link to a reader without an account. Runs on chapter 8 of the e2e
 * server's eighth demo plan (plan 8, its own), and leaves the
 * chapter in drafting with the business tree as it was.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, openAs, publishRound, test } from './fixtures.ts';

const SHOTS = process.env.LANTU_SHOTS;
const LATER = '冻结之后新增的业务';

/** Screenshots for review (LANTU_SHOTS=dir): the figure at 1280 and 390 wide. */
async function shoot(page: Page, name: string, detail: Locator) {
	if (!SHOTS) return;
	mkdirSync(SHOTS, { recursive: true });
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await detail.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

test('a resident in a consultation round sees the figures of the frozen version', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);

	// The admin publishes the 征求意见稿 of chapter 8 (总体架构设计) for the default groups.
	const admin = await openAs(browser, 'admin', '/plans/8/workflow/architecture');
	const publish = admin.getByTestId('publish-form');
	await expect(publish.getByLabel('居民代表')).toBeChecked();
	// With the public link, so that an anonymous reader sees the same figures below.
	await publish.getByLabel(/开放公众意见链接/).check();
	const roundHref = await publishRound(admin, 8);

	// The resident representative reads the round: every architecture diagram is there, numbered
	// in the version's one chapter, drawn from the frozen rows.
	const jumin = await openAs(browser, 'jumin', roundHref);
	const business = jumin.locator('section[data-clause="8.1"] figure[data-diagram="business"]');
	await expect(business.locator('figcaption')).toHaveText(/^图 1-\d+\s*业务架构图$/);
	await expect(business.locator('svg')).toBeVisible();
	const frozenText = (await business.locator('svg').textContent()) ?? '';
	expect(frozenText.length).toBeGreaterThan(0);
	expect(frozenText).not.toContain(LATER);
	await expect(
		jumin.locator('section[data-clause="8.3"] figure[data-diagram="application"] svg')
	).toBeVisible();
	await expect(
		jumin.locator('section[data-clause="8.4"] figure[data-diagram="infrastructure"] svg')
	).toBeVisible();
	// Numbers run through the chapter without a gap or a repeat.
	const labels = await jumin.locator('[data-frozen-figures] figcaption').allTextContents();
	const numbers = labels.map((l) => Number(/图 1-(\d+)/.exec(l)?.[1]));
	expect(numbers).toEqual(numbers.map((_, i) => i + 1));
	// The drawing zooms inside its own box; the page stays as wide as the phone.
	await jumin.setViewportSize({ width: 390, height: 844 });
	await business.getByRole('button', { name: '放大' }).click();
	expect(await jumin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await business.getByRole('button', { name: '适应宽度' }).click();
	await jumin.setViewportSize({ width: 1280, height: 720 });
	await shoot(jumin, 'round-figures', business);

	// Anyone with the public link, without an account, reads the same frozen figures.
	await admin.goto(roundHref);
	const publicUrl = (await admin.getByTestId('public-url').textContent())?.trim() ?? '';
	const publicPath = new URL(publicUrl, baseURL).pathname;
	expect(publicPath).toMatch(/^\/consult\/[A-Za-z0-9_-]+$/);
	const anonymous = await browser.newContext({ baseURL });
	const reader = await anonymous.newPage();
	await reader.goto(publicPath);
	const publicBusiness = reader.locator(
		'section[data-clause="8.1"] figure[data-diagram="business"]'
	);
	await expect(publicBusiness.locator('figcaption')).toHaveText(/^图 1-\d+\s*业务架构图$/);
	await expect(publicBusiness.locator('svg')).toBeVisible();
	expect(await publicBusiness.locator('svg').textContent()).toBe(frozenText);
	const publicLabels = await reader.locator('[data-frozen-figures] figcaption').allTextContents();
	expect(publicLabels).toEqual(labels);
	await reader.setViewportSize({ width: 390, height: 844 });
	expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		390
	);
	await reader.setViewportSize({ width: 1280, height: 720 });
	await shoot(reader, 'public-figures', publicBusiness);
	if (SHOTS)
		for (const width of [1280, 390]) {
			await reader.setViewportSize({ width, height: 900 });
			await reader.screenshot({ path: `${SHOTS}/public-page-${width}.png`, fullPage: true });
		}
	await anonymous.close();

	// The round closes early and the chapter is edited again: a new business in the draft.
	await admin.goto('/plans/8/workflow/architecture');
	await admin.getByLabel(/提前结束的理由/).fill('演示结束，提前收回。');
	await admin.getByRole('button', { name: '结束征求意见', exact: true }).click();
	await expect(admin.getByRole('status').filter({ hasText: '征求意见已结束' })).toBeVisible();
	await expect(admin.getByTestId('workflow-state')).toHaveText('起草中');
	await admin.goto('/plans/8/sections/8.1');
	await expect(admin.locator('[data-status="saved"]')).toBeVisible();
	await admin.getByRole('button', { name: '添加一级业务' }).click();
	await admin.keyboard.type(LATER);
	const live = admin.locator('figure[data-diagram="business"]');
	await expect(live.locator('svg')).toContainText(LATER);
	// The draft's page numbers its figure as the plan's export does (chapter 8 is 第三章).
	await expect(live.locator('figcaption')).toHaveText(/^图 3-\d+\s*业务架构图$/);

	// The round still shows what was frozen; so does the version's page.
	await jumin.reload();
	await expect(business.locator('svg')).toBeVisible();
	await expect(business.locator('svg')).not.toContainText(LATER);
	expect(await business.locator('svg').textContent()).toBe(frozenText);
	await admin.goto(roundHref);
	await admin.getByRole('link', { name: '冻结版本及摘要' }).click();
	await expect(admin).toHaveURL(/\/plans\/8\/versions\/\d+$/);
	const versioned = admin.locator('figure[data-diagram="business"]');
	await expect(versioned.locator('figcaption')).toHaveText(/^图 1-\d+\s*业务架构图$/);
	expect(await versioned.locator('svg').textContent()).toBe(frozenText);
	await shoot(admin, 'version-figures', versioned);

	// Leave 8.1 as it was.
	await admin.goto('/plans/8/sections/8.1');
	admin.once('dialog', (dialog) => dialog.accept());
	await admin.getByRole('button', { name: `删除“${LATER}”` }).click();
	await expect(admin.getByRole('button', { name: `删除“${LATER}”` })).toHaveCount(0);
	await jumin.context().close();
	await admin.context().close();
});

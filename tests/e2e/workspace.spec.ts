import { expect, loginAs, test } from './fixtures.ts';

/** 8.2's 数据标准 is only recommended (Table A.1): emptied, it is an open 建议 item. */
const RECOMMENDED = '数据标准（表A.1）';

test('an editor goes from the plan page to the dashboard, filters open items and opens one', async ({
	browser,
	baseURL,
	page,
	context
}) => {
	// The seed leaves only required items open: the admin empties a recommended one so the filter
	// has something to hide, and puts it back (undo) at the end for the other specs.
	const adminContext = await browser.newContext({ baseURL });
	await loginAs(adminContext, 'admin');
	const admin = await adminContext.newPage();
	await admin.goto('/plans/1/sections/8.2');
	await expect(admin.locator('[data-status="saved"]')).toBeVisible();
	const field = admin.getByRole('textbox', { name: RECOMMENDED });
	const seeded = await field.textContent();
	expect(seeded).not.toBe('');
	await field.click();
	await admin.keyboard.press('Control+a');
	await admin.keyboard.press('Delete');
	await expect(field).toHaveText('');
	await expect(admin.locator('[data-status="saved"]')).toBeVisible();

	await loginAs(context, 'dsj');
	await page.goto('/plans/1');
	await expect(page.getByRole('heading', { name: /第7章\s*总体设计/ })).toBeVisible();
	await page
		.getByRole('navigation', { name: '规划页面' })
		.getByRole('link', { name: '合规看板' })
		.click();
	await expect(page.getByRole('heading', { name: /^待办事项/ })).toBeVisible();

	const items = page.locator('[data-rule]');
	const all = await items.count();
	const advice = await page
		.locator('[data-rule]', { has: page.getByText('建议', { exact: true }) })
		.count();
	// The seed leaves recommended items open, so the filter has something to hide: a filter that
	// did nothing would keep all of them.
	expect(advice).toBeGreaterThan(0);
	expect(all).toBeGreaterThan(advice);
	await page.getByText('只看必备项').click();
	await expect(page.locator('[data-rule]')).toHaveCount(all - advice);
	// (The manual checks' list below the scores is not filtered: only the open items are.)
	await expect(page.locator('[data-rule]').getByText('建议', { exact: true })).toHaveCount(0);

	// The seed leaves 6.5.2 j) 接口需求分析 empty on purpose.
	await page.locator('[data-rule="item:6.5.2.j"] a').click();
	await expect(page).toHaveURL(/\/plans\/1\/sections\/6\.5#item-6\.5\.2\.j$/);
	await expect(page.locator('[id="item-6.5.2.j"]')).toBeInViewport();

	await field.click();
	await admin.keyboard.press('Control+z');
	await expect(field).toHaveText(seeded!);
	await expect(admin.locator('[data-status="saved"]')).toBeVisible();
	await adminContext.close();
});

test('the plan page, dashboard and Appendix A fit a phone screen', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	await loginAs(context, 'dsj');
	const page = await context.newPage();
	for (const path of ['/plans/1', '/plans/1/dashboard', '/plans/1/activities/roadmap']) {
		await page.goto(path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
	await context.close();
});

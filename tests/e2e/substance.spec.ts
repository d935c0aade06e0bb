import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures.ts';

const rule = (page: Page, id: string) => page.locator(`#checklist [data-rule="${id}"]`);

test('the standard’s own words are marked 标准原文 with their verb, apart from our 编写提示', async ({
	page,
	context
}) => {
	await loginAs(context, 'fgw');
	await page.goto('/plans/1/sections/9.4');
	await expect(page.getByRole('heading', { name: '编写提示' })).toBeVisible();
	await expect(page.getByText('以下为平台的编写提示，不是标准原文。')).toBeVisible();
	const organisation = page.locator('#item-9\\.4\\.a [data-standard-text]');
	await expect(organisation).toContainText('标准原文');
	await expect(organisation.locator('[data-verb="应"]')).toHaveText('应（必须）');
	// A Table A.1 output has no text of the standard: nothing is shown as if it were.
	await expect(page.locator('#item-9\\.4\\.A1\\.assessment [data-standard-text]')).toHaveCount(0);
});

test('an input of Table A.1 links each section that produces it once (8.4: 6.5, 6.3, 8.3)', async ({
	page,
	context
}) => {
	await loginAs(context, 'dsj');
	await page.goto('/plans/1/sections/8.4');
	// 6.5.2 g), h) and j) all produce 8.4's 智慧城市建设需求: one link to 6.5, not three.
	const input = page.getByRole('listitem').filter({ hasText: '智慧城市建设需求（基础设施性能' });
	await expect(input.getByRole('link')).toHaveText(['6.5']);
	await expect(page.getByRole('link', { name: '6.3', exact: true })).toHaveCount(1);
});

test('6.3 computes 现状与差距 from the indicators', async ({ page, context }) => {
	await loginAs(context, 'dsj');
	await page.goto('/plans/1/sections/6.3');
	const gaps = page.locator('[data-indicator-gaps]');
	await expect(gaps.getByRole('heading', { name: '现状与差距' })).toBeVisible();
	const row = gaps.locator('[data-gap-row]', { hasText: '政务服务事项全程网办率' });
	await expect(row).toContainText('72%');
	await expect(row).toContainText('95%');
	await expect(row).toContainText('23%');
	// Binding (约束性) indicators come first.
	await expect(gaps.locator('[data-gap-row]').first()).toContainText('约束性');
});

test('the funding table is charted by year and source, and its check follows an edit live', async ({
	page,
	context
}) => {
	await loginAs(context, 'dsj');
	await page.goto('/plans/1/sections/9.1');
	await expect(page.locator('[data-status="saved"]')).toBeVisible();
	const chart = page.locator('[data-funding-chart]');
	await expect(chart.getByRole('img', { name: '分年度投资与资金来源' })).toBeVisible();
	const totals = chart.locator('[data-funding-totals]');
	await expect(totals).toContainText('社会资本 12,000 万元');
	const before = (await totals.textContent()) ?? '';
	const total = Number(/合计 ([\d,]+) 万元/.exec(before)?.[1].replaceAll(',', ''));

	// The first row is 城市大脑建设工程's 2026 construction money.
	const row = page.locator('#block-funding > ol > li').first();
	await row.getByRole('button', { expanded: false }).click();
	const fiscal = row.getByLabel('财政资金');
	const original = await fiscal.inputValue();
	await fiscal.fill(String(Number(original) + 1000));
	await fiscal.press('Tab');
	await expect(totals).toContainText(`合计 ${(total + 1000).toLocaleString('en-US')} 万元`);
	await expect(rule(page, '9.1.funding-sources')).toHaveAttribute('data-status', 'fail');
	await expect(rule(page, '9.1.funding-sources')).toContainText(
		'城市大脑建设工程”的资金筹措合计 19,500 万元，与资金估算 18,500 万元不一致'
	);

	// Put it back: other tests read the demo plan.
	await fiscal.fill(original);
	await fiscal.press('Tab');
	await expect(totals).toContainText(`合计 ${total.toLocaleString('en-US')} 万元`);
	await expect(rule(page, '9.1.funding-sources')).not.toContainText('城市大脑建设工程');
});

test('a reviewer confirms a manual check by name from the section’s checklist, and withdraws it', async ({
	page,
	context
}) => {
	await loginAs(context, 'reviewer');
	await page.goto('/plans/1/sections/9.3');
	await expect(page.locator('[data-status="saved"]')).toBeVisible();
	// 9.3.1 (宜) is left unconfirmed by the seed.
	const check = rule(page, 'manual:9.3.1');
	await expect(check).toHaveAttribute('data-status', 'fail');
	await expect(check.locator('[data-manual-state]')).toHaveText('未确认');
	await check.getByRole('button', { name: '确认符合' }).click();
	await expect(check).toHaveAttribute('data-status', 'pass');
	await expect(check.locator('[data-manual-state]')).toHaveText(
		/^赵国平 于 \d{4}年\d{1,2}月\d{1,2}日 确认$/
	);
	await expect(page).toHaveURL(/\/sections\/9\.3$/);

	await page.goto('/plans/1/dashboard');
	const listed = page.locator('[data-manual="manual:9.3.1"]');
	await expect(listed.locator('[data-manual-state]')).toHaveText(/^赵国平 于/);
	await listed.getByRole('button', { name: '撤销确认' }).click();
	await expect(listed.locator('[data-manual-state]')).toHaveText('未确认');
});

test('9.1 shows 财政承受能力 by year against the 10% PPP line', async ({ page, context }) => {
	await loginAs(context, 'dsj');
	await page.goto('/plans/1/sections/9.1');
	const table = page.locator('[data-fiscal-capacity]');
	await expect(table.getByRole('heading', { name: '财政承受能力测算' })).toBeVisible();
	const year = table.locator('[data-year="2026"]');
	await expect(year).toContainText('3,720,000');
	await expect(year).toContainText('4.52%');
	await expect(year.locator('[data-over]')).toHaveAttribute('data-over', 'false');
	await expect(rule(page, '9.1.ppp-red-line')).toHaveAttribute('data-status', 'pass');
});

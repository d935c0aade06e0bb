/**
 * States the section page must not misstate, in a real browser: an approver (read-only) is told 只读
 * and never 已全部保存, reads block values as text rather than form controls, 9.3's checklist
 * without required rules shows no "0/0" bar, and its Gantt draws each key project once. Read-only
 * visits to the demo plan's roadmap sections, which no other spec changes.
 */
import { expect, loginAs, test } from './fixtures.ts';

test.describe('an approver on a section', () => {
	test.beforeEach(async ({ context }) => {
		// Reviewers may suggest (修订) while drafting; the approver only reads.
		await loginAs(context, 'leader');
	});

	test('sees 只读 and no saved-state claim, and values as text', async ({ page }) => {
		await page.goto('/plans/1/sections/9.1');
		await expect(page.getByText('只读', { exact: true })).toBeVisible();
		await expect(page.getByTestId('checklist-summary')).toBeVisible();
		// In step with the server, and saying so as 只读, not as 已全部保存.
		await expect(page.locator('[data-status="saved"]')).toHaveText('只读');
		await expect(page.getByText('已全部保存')).toHaveCount(0);

		// A key project opened: its fields are text, not inputs a reader cannot use.
		await page.getByRole('button', { name: /^1\.\s*城市大脑建设工程$/ }).click();
		const row = page.getByRole('listitem', { name: '城市大脑建设工程' });
		await expect(row.locator('[data-readonly-cell]').first()).toBeVisible();
		await expect(row.locator('input, textarea, select')).toHaveCount(0);
	});

	test('9.2: no 0/0 bar when no required check applies; 9.3: each project drawn once', async ({
		page
	}) => {
		// 9.2 has only recommended checks (9.3 has required ones since the investment rules).
		await page.goto('/plans/1/sections/9.2');
		const summary = page.getByTestId('checklist-summary');
		await expect(summary).toHaveText('本章节没有适用的必备检查项。');
		await expect(page.locator('#checklist [role="progressbar"]')).toHaveCount(0);
		await expect(page.locator('#checklist')).not.toContainText('0/0');

		await page.goto('/plans/1/sections/9.3');
		const gantt = page.getByRole('figure', { name: '实施阶段甘特图' });
		// Drawn once the section's document has loaded.
		await expect(gantt.locator('[data-gantt-project]').first()).toBeVisible();
		const drawn = await gantt
			.locator('[data-gantt-project]')
			.evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-gantt-project')));
		expect(drawn.length).toBeGreaterThan(0);
		expect(new Set(drawn).size).toBe(drawn.length);
		// Later phases name the projects they continue instead of drawing them again.
		await expect(gantt.locator('[data-gantt-continuing]').first()).toContainText('延续');
	});
});

test('a phone shows every indicator column as a label–value card, without sideways scrolling', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	await loginAs(context, 'reviewer');
	const page = await context.newPage();
	await page.goto('/plans/1/sections/6.3');
	const firstRow = page.locator('#block-indicators tbody tr').first();
	for (const label of ['指标体系', '分项指标', '现状值', '目标值', '备注']) {
		await expect(firstRow.getByText(label, { exact: true })).toBeVisible();
	}
	const sideways = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(sideways).toBeLessThanOrEqual(0);
	await context.close();
});

/**
 * 5.1.3 feedback in two browser contexts (issue 14): while 总体设计 drafts, the 发改委 reviewer
 * checks 需求分析's 定稿 and files feedback on a row of 6.3; 大数据局's editor (6.3's department)
 * finds it in 待办, follows it and answers 不采纳 with a reason; the reviewer sees the answer on
 * 总体设计's page and in the inbox. 需求分析 reaches its 定稿 through the real form actions first.
 * It runs on the e2e server's sixth copy of the demo plan (tests/e2e/server-env.ts): it freezes
 * chapter 6, so no other spec shares the plan.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, login, postForm } from '../helpers/http.ts';
import { expect, serverUrl, openAs, test } from './fixtures.ts';

const PLAN = 6;

/**
 * The page as the accessibility spec holds every main route to it, on a desktop and on a phone:
 * no serious or critical axe violation, no sideways scrolling.
 */
async function accessible(page: Page) {
	for (const width of [1440, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const result = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
			.analyze();
		const serious = result.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		expect(serious, `${page.url()} at ${width} px`).toEqual([]);
		const sideways = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(sideways, `${page.url()} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 1440, height: 900 });
}

/** 需求分析 to its 定稿 as the demo accounts would post it (发改委 and the experts countersign). */
async function requirementsToFinal() {
	const url = serverUrl();
	const cookies = new Map<string, string>();
	for (const who of ['admin', 'reviewer', 'expert', 'leader'])
		cookies.set(who, await login(url, who));
	const post = async (who: string, action: string, fields: Record<string, string> = {}) => {
		const response = await postForm(
			url,
			`/plans/${PLAN}/workflow/requirements?/${action}`,
			fields,
			cookies.get(who)
		);
		await response.text();
		expect({ who, action, status: response.status }).toEqual({ who, action, status: 200 });
	};
	const policy = new URLSearchParams([
		['departments', '2'],
		['departments', '8'],
		['enterpriseCount', '0'],
		['residentCount', '0'],
		['approverId', ''],
		['consultationWaiver', '演示：需求分析已随规划纲要征求意见']
	]);
	const response = await fetch(`${url}/plans/${PLAN}/workflow/requirements?/policy`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: url,
			accept: 'text/html',
			cookie: cookies.get('admin')!
		},
		body: policy
	});
	await response.text();
	expect(response.status).toBe(200);
	await post('admin', 'submit', { waiverReason: '演示数据，内容待补充' });
	await post('reviewer', 'countersign');
	await post('expert', 'countersign');
	await post('leader', 'approve', { password: DEMO_PASSWORD });
}

test('a reviewer of 总体设计 feeds back on 需求分析’s 定稿; its owner answers 不采纳; the reviewer sees why', async ({
	browser
}) => {
	test.setTimeout(240_000);
	await requirementsToFinal();

	// The reviewer, on 总体设计's page: a row of 6.3's indicators in the 定稿, and the feedback.
	const reviewer = await openAs(browser, 'reviewer', `/plans/${PLAN}/workflow/overall`);
	const form = reviewer.getByTestId('feedback-form');
	await form.getByLabel('章节').selectOption({ label: '6.3 智慧城市现状评估' });
	await accessible(reviewer);
	const row = form.getByLabel('表格中的某一行（可选）');
	const firstRow = (await row.locator('option').nth(1).textContent()) ?? '';
	expect(firstRow).not.toBe('');
	await row.selectOption({ index: 1 });
	await form.getByLabel('反馈意见').fill('该指标缺少基准年数据来源，建议补充统计口径。');
	await form.getByRole('button', { name: '提交反馈' }).click();
	await expect(reviewer.getByRole('status').filter({ hasText: '反馈已提交' })).toBeVisible();
	const filed = reviewer.locator('[data-feedback]').filter({ hasText: '该指标缺少基准年数据来源' });
	await expect(filed.getByTestId('feedback-status')).toHaveText('待答复');

	// 大数据局's editor: the 待办 item leads to the feedback on 需求分析's page.
	const dsj = await openAs(browser, 'dsj', '/todo');
	const task = dsj
		.locator('[data-todo="feedback"]')
		.filter({ has: dsj.locator(`a[href^="/plans/${PLAN}/workflow/requirements"]`) });
	await expect(task).toContainText('答复对定稿的反馈（1 条）');
	await task.getByRole('link').click();
	await expect(dsj).toHaveURL(new RegExp(`/plans/${PLAN}/workflow/requirements#feedback-\\d+$`));
	const item = dsj.locator('[data-feedback]').filter({ hasText: '该指标缺少基准年数据来源' });
	await expect(item).toContainText(firstRow.split('：')[0]);
	await item.getByLabel('不采纳').check();
	await accessible(dsj);
	await item.getByLabel('不采纳的理由（必填）').fill('基准年数据来源已在6.3附表中列明。');
	await item.getByRole('button', { name: '提交答复' }).click();
	await expect(dsj.getByRole('status').filter({ hasText: '答复已提交' })).toBeVisible();
	await expect(item.getByTestId('feedback-status')).toHaveText('不采纳');
	await dsj.goto('/todo');
	await expect(
		dsj
			.locator('[data-todo="feedback"]')
			.filter({ has: dsj.locator(`a[href^="/plans/${PLAN}/workflow/requirements"]`) })
	).toHaveCount(0);

	// The reviewer sees the answer where the feedback was filed, and in the inbox.
	await reviewer.reload();
	await expect(filed.getByTestId('feedback-status')).toHaveText('不采纳');
	await expect(filed.getByTestId('feedback-answer')).toContainText(
		'基准年数据来源已在6.3附表中列明。'
	);
	await reviewer.goto('/inbox');
	await expect(reviewer.locator('[data-notification="feedback_answered"]').first()).toContainText(
		'答复了你的反馈'
	);
});

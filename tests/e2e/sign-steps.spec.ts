/**
 * 依次 (in order) sign-off on 总体设计 in two browser contexts (issue 14): the admin sets the
 * order in the policy editor and sees the chain drawn, the department whose turn it is not yet is
 * told to wait and has no 待办, the first department signs from its 待办, then the second may.
 * It ends by returning and resuming the chapter; it runs on a plan of its own (plan 4).
 */
import { expect, openAs, test } from './fixtures.ts';

// The e2e server's fourth copy of the demo plan (tests/e2e/server-env.ts): this spec freezes
// chapter 8 while it runs, so no other spec shares the plan.
const WORKFLOW = '/plans/4/workflow/architecture';

test('依次: the second department waits for the first, each sees the step when it is theirs', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const admin = await openAs(browser, 'admin', WORKFLOW);
	await expect(admin.getByTestId('workflow-state')).toHaveText('起草中');

	// The policy: the expert panel first, then 发改委; no representatives; consultation waived.
	const policy = admin.getByRole('region', { name: '签署规则' });
	for (const box of await policy.getByRole('checkbox').all()) await box.uncheck();
	await policy.getByLabel('依次签署（按顺序）').check();
	await policy.getByLabel('示例市智慧城市专家咨询委员会', { exact: true }).check();
	await policy.getByLabel('示例市发展和改革委员会', { exact: true }).check();
	await policy.getByLabel('示例市智慧城市专家咨询委员会的签署顺序').fill('1');
	await policy.getByLabel('示例市发展和改革委员会的签署顺序').fill('2');
	await policy.getByLabel('需确认参与的企业代表人数').fill('0');
	await policy.getByLabel('需确认参与的居民代表人数').fill('0');
	await policy.getByLabel('免于征求意见的理由').fill('演示：本章已随规划纲要征求意见');
	await policy.getByRole('button', { name: '保存' }).click();
	await expect(admin.getByRole('status').filter({ hasText: '签署规则已保存' })).toBeVisible();
	const chain = admin.getByTestId('sign-chain');
	await expect(chain).toContainText('1. 示例市智慧城市专家咨询委员会');
	await expect(chain).toContainText('2. 示例市发展和改革委员会');

	const waiver = admin.getByLabel('豁免理由');
	if (await waiver.isVisible()) await waiver.fill('演示：其余章节在下一轮补充');
	await admin.getByRole('button', { name: '提交会签（冻结送审稿）', exact: true }).click();
	await expect(admin.getByRole('status').filter({ hasText: '已提交会签' })).toBeVisible();

	// 发改委 is second: told to wait, nothing in its 待办.
	const reviewer = await openAs(browser, 'reviewer', WORKFLOW);
	await expect(reviewer.getByTestId('not-your-turn')).toContainText('示例市智慧城市专家咨询委员会');
	await expect(reviewer.getByRole('button', { name: '会签同意', exact: true })).toHaveCount(0);
	// …and the server refuses an out-of-order signature sent all the same.
	const outOfTurn = await reviewer.request.post(`${WORKFLOW}?/countersign`, {
		headers: { origin: baseURL! },
		form: { decision: 'agree' }
	});
	expect(outOfTurn.status()).toBe(409);
	await reviewer.goto('/todo');
	await expect(
		reviewer
			.locator('[data-todo="countersign"]')
			.filter({ has: reviewer.locator(`a[href="${WORKFLOW}"]`) })
	).toHaveCount(0);

	// The expert panel signs from its 待办.
	const expert = await openAs(browser, 'expert', '/todo');
	await expert.locator(`[data-todo="countersign"] a[href="${WORKFLOW}"]`).click();
	await expect(expert).toHaveURL(new RegExp(`${WORKFLOW}$`));
	await expert.getByRole('button', { name: '会签同意', exact: true }).click();
	await expect(expert.getByRole('status').filter({ hasText: '已会签' })).toBeVisible();

	// Now it is 发改委's turn.
	await reviewer.goto('/todo');
	await expect(
		reviewer
			.locator('[data-todo="countersign"]')
			.filter({ has: reviewer.locator(`a[href="${WORKFLOW}"]`) })
	).toHaveCount(1);
	await reviewer.goto(WORKFLOW);
	await reviewer.getByRole('button', { name: '会签同意', exact: true }).click();
	await expect(reviewer.getByRole('status').filter({ hasText: '已会签' })).toBeVisible();
	await expect(reviewer.getByTestId('workflow-state')).toHaveText('待签发');

	// Chapter 8 is read-only now: the leader returns it and the admin resumes drafting, so the
	// specs that write chapter 8 find it writable again.
	const leader = await openAs(browser, 'leader', WORKFLOW);
	await leader.locator('summary', { hasText: '退回修改' }).click();
	await leader.getByLabel('总体意见').fill('演示结束，退回起草。');
	await leader.getByRole('button', { name: '提交退回意见', exact: true }).click();
	await expect(leader.getByRole('status').filter({ hasText: '已退回' })).toBeVisible();
	await admin.goto(WORKFLOW);
	await admin.getByRole('button', { name: '恢复起草', exact: true }).click();
	await expect(admin.getByTestId('workflow-state')).toHaveText('起草中');

	for (const page of [admin, reviewer, expert, leader]) await page.context().close();
});

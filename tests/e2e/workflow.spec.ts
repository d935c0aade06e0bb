/**
 * The whole sign-off path of the first activity (需求分析) with the demo accounts, each in its own
 * browser context: drafting, a consultation round, submit, two departments countersign and one
 * returns, the fix, resubmission, all countersign, representatives confirm, the leader signs — and
 * the approved version's hash on the page equals one recomputed here from the version's content.
 * It runs on the e2e server's third copy of the demo plan (SEED_DEMO_PLANS, plan 3), so freezing
 * chapter 6 meets no other spec, in any order. At the end the admin reopens it.
 */
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, openAs, test } from './fixtures.ts';

const WORKFLOW = '/plans/3/workflow/requirements';

const state = (page: Page) => page.getByTestId('workflow-state');
const body = (page: Page) => page.getByRole('textbox', { name: /正文$/ });

async function click(page: Page, name: string, done: string) {
	await page.getByRole('button', { name, exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: done })).toBeVisible();
}

test('drafting → consultation → review with a return → approval → signed, provably', async ({
	browser
}) => {
	test.setTimeout(120_000);

	// The 卫健委's 刘芳 is given the reviewer role, so three departments can countersign.
	const admin = await openAs(browser, 'admin', '/plans/3/manage');
	await admin
		.getByRole('combobox', { name: /^用户/ })
		.selectOption({ label: '刘芳（示例市卫生健康委员会）' });
	await admin.getByRole('combobox', { name: /^角色/ }).selectOption({ label: '审核人' });
	await admin.getByRole('button', { name: '添加', exact: true }).click();
	await expect(admin.getByRole('status')).toHaveText('已添加成员。');

	// Drafting: 大数据局 writes 6.3.
	const dsj = await openAs(browser, 'dsj', '/plans/3/sections/6.3');
	await expect(dsj.locator('[data-status="saved"]')).toBeVisible();
	await body(dsj).click();
	await dsj.keyboard.type('采用 GB/T 33356 评价指标体系开展现状评估。');
	await expect(dsj.locator('[data-status="saved"]')).toBeVisible();

	// A consultation round: the 征求意见稿 is frozen and the enterprise representative reads it.
	await admin.goto(WORKFLOW);
	await expect(state(admin)).toHaveText('起草中');
	await click(admin, '发布征求意见稿', '征求意见稿已发布');
	await expect(state(admin)).toHaveText('征求意见中');
	const qiye = await openAs(browser, 'qiye', WORKFLOW);
	await qiye
		.getByRole('link', { name: /征求意见稿 · 第 1 版/ })
		.first()
		.click();
	await expect(qiye.getByRole('heading', { name: /智慧城市现状评估/ })).toBeVisible();
	await expect(qiye.getByText('采用 GB/T 33356 评价指标体系开展现状评估。')).toBeVisible();
	await admin.getByLabel(/提前结束的理由/).fill('意见已收齐，提前结束');
	await click(admin, '结束征求意见', '征求意见已结束');
	await expect(state(admin)).toHaveText('起草中');

	// Sign-off policy: 发改委, 卫健委 and the expert panel countersign.
	const policy = admin.getByRole('region', { name: '签署规则' });
	await policy.getByLabel('示例市大数据局').uncheck();
	await policy.getByLabel('示例市公安局').uncheck();
	await policy.getByLabel('示例市卫生健康委员会').check();
	await policy.getByLabel('示例市发展和改革委员会').check();
	await policy.getByLabel('示例市智慧城市专家咨询委员会').check();
	await policy.getByRole('button', { name: '保存' }).click();
	await expect(admin.getByRole('status').filter({ hasText: '签署规则已保存' })).toBeVisible();

	// Submit: the open required items are waived with a reason; the open editor turns read-only.
	await expect(dsj.getByTestId('section-workflow-state')).toHaveText('起草中');
	await admin.getByLabel('豁免理由').fill('演示：其余章节在下一轮补充');
	await click(admin, '提交会签（冻结送审稿）', '已提交会签');
	await expect(state(admin)).toHaveText('会签中');
	await expect(dsj.getByText('只读', { exact: true })).toBeVisible();
	// The open editor's page follows the activity's state without a reload.
	await expect(dsj.getByTestId('section-workflow-state')).toHaveText('会签中');
	await expect(body(dsj)).toHaveAttribute('contenteditable', 'false');
	const firstHash = await admin.getByTestId('current-hash').textContent();

	// Two departments countersign, the expert panel returns with an opinion on 6.3.
	const reviewer = await openAs(browser, 'reviewer', WORKFLOW);
	await click(reviewer, '会签同意', '已会签');
	const wjw = await openAs(browser, 'wjw', WORKFLOW);
	await click(wjw, '会签同意', '已会签');
	const expert = await openAs(browser, 'expert', WORKFLOW);
	await expert.getByText('退回修改').click();
	await expert.getByLabel(/^6\.3 /).fill('请补充指标的数据来源。');
	await click(expert, '提交退回意见', '已退回');
	await expect(state(expert)).toHaveText('已退回');
	await expect(expert.locator('[data-clause="6.3"]')).toContainText('请补充指标的数据来源。');

	// The fix: 6.3 is writable again.
	await dsj.reload();
	await expect(dsj.locator('[data-status="saved"]')).toBeVisible();
	await body(dsj).click();
	await dsj.keyboard.press('Control+End');
	await dsj.keyboard.type('数据来源为市统计局年鉴。');
	await expect(dsj.locator('[data-status="saved"]')).toBeVisible();

	// Resubmit: a new 送审稿 with a new hash; earlier countersigns do not carry over.
	await admin.reload();
	await admin.getByLabel('豁免理由').fill('演示：其余章节在下一轮补充');
	await click(admin, '提交会签（冻结送审稿）', '已提交会签');
	const secondHash = await admin.getByTestId('current-hash').textContent();
	expect(secondHash).not.toBe(firstHash);
	await reviewer.reload();
	await expect(reviewer.getByRole('button', { name: '会签同意' })).toBeVisible();

	// 会签意见: 卫健委 agrees in principle with a comment, which is shown with its signature.
	for (const page of [reviewer, expert]) {
		await page.reload();
		await click(page, '会签同意', '已会签');
	}
	await wjw.reload();
	await wjw.getByLabel('原则同意（附意见）').check();
	await wjw.getByLabel('修改意见（必填）').fill('建议补充医疗健康数据共享需求。');
	await click(wjw, '会签同意', '已会签');
	await expect(wjw.getByTestId('signatures')).toContainText('原则同意（附意见）');
	await expect(wjw.getByTestId('signatures')).toContainText('建议补充医疗健康数据共享需求。');
	await qiye.goto(WORKFLOW);
	await click(qiye, '确认参与', '已确认参与');
	const jumin = await openAs(browser, 'jumin', WORKFLOW);
	await click(jumin, '确认参与', '已确认参与');
	await expect(state(jumin)).toHaveText('待签发');

	// The leader logs in to one 待办 (签发), follows it and signs with a 签发意见 after re-entering
	// the password.
	const leader = await openAs(browser, 'leader', '/');
	await expect(leader.locator('[data-todo-count]')).toHaveText('1');
	const todo = leader.getByRole('region', { name: /^待办/ });
	await expect(todo.locator('[data-todo]')).toHaveCount(1);
	await expect(todo.locator('[data-todo="approve"]')).toContainText('签发');
	await todo.getByRole('link', { name: /签发/ }).click();
	await expect(leader).toHaveURL(new RegExp(`${WORKFLOW}$`));
	await leader.getByLabel('签发意见').fill('同意印发，请各部门抓好落实。');
	await leader.getByLabel('登录密码').fill('lantu2026');
	await click(leader, '签发', '已签发');
	await expect(leader.getByTestId('timeline')).toContainText('同意印发，请各部门抓好落实。');
	await expect(leader.locator('[data-todo-count]')).toHaveCount(0);
	await expect(state(leader)).toHaveText('已批准');
	await expect(
		leader.locator('[data-activity="requirements"]').getByTestId('activity-state')
	).toHaveText('已批准');

	// What was signed is provable: recompute the 定稿's hash from its content.
	await leader
		.getByRole('link', { name: /定稿 · 第 \d+ 版/ })
		.first()
		.click();
	const shown = (await leader.getByTestId('version-hash').textContent())?.trim();
	expect(shown).toBe(secondHash?.trim());
	const payload = await leader.context().request.get(`${leader.url()}/payload`);
	const recomputed = createHash('sha256')
		.update(Buffer.from(await payload.body()))
		.digest('hex');
	expect(recomputed).toBe(shown);
	await leader.getByRole('button', { name: '在浏览器中重新计算' }).click();
	await expect(leader.getByRole('status')).toContainText('一致');

	// Any two versions compare section by section: the fix shows in 6.3 only.
	await leader.goto(WORKFLOW);
	await leader.getByLabel('从').selectOption({ label: '送审稿 · 第 2 版' });
	await leader.getByLabel('到').selectOption({ label: '送审稿 · 第 3 版' });
	await leader.getByRole('button', { name: '比较' }).click();
	await expect(leader.getByTestId('compare-6.3')).toContainText('有改动');
	await expect(leader.getByTestId('compare-6.3')).toContainText('数据来源为市统计局年鉴。');
	await expect(leader.getByTestId('compare-6.1')).toContainText('无改动');

	// Chapter 6 is read-only once approved: reopen 需求分析 (the 定稿 is marked superseded) so the
	// specs that write chapter 6 (security.spec.ts writes 6.4) find it in drafting again.
	await admin.goto(WORKFLOW);
	await admin.locator('summary', { hasText: '重新打开' }).click();
	await admin.getByLabel('理由', { exact: true }).fill('演示结束，恢复起草。');
	await admin.getByRole('button', { name: '重新打开', exact: true }).click();
	await expect(admin.getByRole('status').filter({ hasText: '已重新打开' })).toBeVisible();
	await expect(state(admin)).toHaveText('起草中');

	for (const page of [admin, dsj, qiye, reviewer, wjw, expert, jumin, leader])
		await page.context().close();
});

/**
 * 待办 and sign-off as the offices run them (issue 14), on the e2e server's fifth copy of the demo
 * plan (plan 5; no other spec uses it): 送审 is refused while a consultation opinion is unanswered;
 * a 或签 step completes with one signer, and with the test clock moved past its deadline the
 * reminder is in 待办 and in the loopback mailbox (the address set on the account page); a
 * representative's 有异议 blocks 报批 until the owning department answers it. Each test returns its
 * chapter to drafting at the end, so the spec can run again on the same server.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readMailDir } from '../helpers/mailbox.ts';
import { expect, openAs, publishRound, test } from './fixtures.ts';

const PLAN = '/plans/5';
const SHOTS = process.env.LANTU_SHOTS;

/** Screenshots for review (LANTU_SHOTS=dir): the page at 1280 and 390 px wide. */
async function shoot(page: Page, name: string) {
	if (!SHOTS) return;
	mkdirSync(SHOTS, { recursive: true });
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

const status = (page: Page, text: string) =>
	expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();

/** The admin's sign-off policy: a mode, the departments, no representatives unless given. */
async function setPolicy(
	admin: Page,
	mode: string,
	departments: string[],
	extra: { enterprise?: number; deadlineDays?: number } = {}
) {
	const policy = admin.getByRole('region', { name: '签署规则' });
	for (const box of await policy.getByRole('checkbox').all()) await box.uncheck();
	await policy.getByLabel(mode).check();
	for (const name of departments) await policy.getByLabel(name, { exact: true }).check();
	await policy.getByLabel('需确认参与的企业代表人数').fill(String(extra.enterprise ?? 0));
	await policy.getByLabel('需确认参与的居民代表人数').fill('0');
	await policy
		.getByLabel('每一环节的办理时限（工作日）')
		.fill(extra.deadlineDays ? String(extra.deadlineDays) : '');
	await policy.getByLabel('免于征求意见的理由').fill('演示：本章已随规划纲要征求意见');
	await policy.getByRole('button', { name: '保存' }).click();
	await status(admin, '签署规则已保存');
}

/** 提交会签, with a waiver of open checklist items when the page asks for one. */
async function submit(admin: Page) {
	const waiver = admin.getByLabel('豁免理由');
	if (await waiver.isVisible()) await waiver.fill('演示：其余内容在下一轮补充');
	await admin.getByRole('button', { name: '提交会签（冻结送审稿）', exact: true }).click();
}

/** Back to drafting: the leader (in approval) or a reviewer (in review) returns, the admin resumes. */
async function backToDrafting(returner: Page, admin: Page, workflow: string) {
	await returner.goto(workflow);
	await returner.locator('summary', { hasText: '退回修改' }).click();
	await returner.getByLabel('总体意见').fill('演示结束，退回起草。');
	await returner.getByRole('button', { name: '提交退回意见', exact: true }).click();
	await status(returner, '已退回');
	await admin.goto(workflow);
	await admin.getByRole('button', { name: '恢复起草', exact: true }).click();
	await expect(admin.getByTestId('workflow-state')).toHaveText('起草中');
}

test('送审 is refused while a consultation opinion is unanswered', async ({ browser }) => {
	test.setTimeout(240_000);
	const workflow = `${PLAN}/workflow/roadmap`;
	const admin = await openAs(browser, 'admin', workflow);
	const round = await publishRound(admin, 5);

	// The resident representative comments on a passage of 9.2.
	const jumin = await openAs(browser, 'jumin', round);
	const section = jumin.locator('section[data-clause="9.2"]');
	await section
		.locator('[data-passage]')
		.first()
		.evaluate((el) => {
			const range = document.createRange();
			range.setStart(el.firstChild as Text, 0);
			range.setEnd(el.firstChild as Text, 6);
			window.getSelection()!.removeAllRanges();
			window.getSelection()!.addRange(range);
		});
	await section.getByRole('button', { name: '提意见' }).first().click();
	const form = jumin.getByTestId('round-comment-form');
	await form.getByRole('radio', { name: '建议' }).check();
	await form.getByLabel('意见内容').fill('建议明确运营考核办法。');
	await form.getByRole('button', { name: '提交意见' }).click();
	await status(jumin, '意见已提交。');

	await admin.goto(workflow);
	await admin.getByLabel(/提前结束的理由/).fill('演示：意见已收齐。');
	await admin.getByRole('button', { name: '结束征求意见', exact: true }).click();
	await status(admin, '征求意见已结束');

	// The page says why, and the server refuses 送审 all the same.
	await expect(admin.getByTestId('consultation-gate')).toContainText('1 条意见未答复');
	await submit(admin);
	await expect(
		admin.getByRole('alert').filter({ hasText: '1 条征求意见未答复，不能送审' })
	).toBeVisible();
	await expect(admin.getByTestId('workflow-state')).toHaveText('起草中');
	await shoot(admin, 'todo-gate');

	// 大数据局 owns 9.2: the opinion is in its 待办; answered, 送审 goes through.
	const dsj = await openAs(browser, 'dsj', '/todo');
	await dsj
		.locator('[data-todo="answer"]')
		.filter({ has: dsj.locator(`a[href="${round}"]`) })
		.getByRole('link')
		.click();
	const card = dsj.getByTestId('round-comment').filter({ hasText: '建议明确运营考核办法。' });
	await card.getByLabel('采纳', { exact: true }).check();
	await card.getByLabel('理由').fill('将在9.2补充运营考核办法。');
	await card.getByRole('button', { name: '提交答复' }).click();
	await status(dsj, '答复已保存');

	await admin.goto(workflow);
	await expect(admin.getByTestId('consultation-gate')).toHaveCount(0);
	await submit(admin);
	await status(admin, '已提交会签');

	const reviewer = await openAs(browser, 'reviewer', workflow);
	await backToDrafting(reviewer, admin, workflow);
	for (const page of [admin, jumin, dsj, reviewer]) await page.context().close();
});

test('或签 completes with one signer; past its deadline the reminder is in 待办 and the mailbox', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const mailDir = process.env.LANTU_E2E_MAILDIR;
	if (!mailDir) throw new Error('LANTU_E2E_MAILDIR is not set: run through playwright.config.ts');
	const workflow = `${PLAN}/workflow/requirements`;

	// 发改委's reviewer gives a notification address on the account page.
	const reviewer = await openAs(browser, 'reviewer', '/account');
	await reviewer.getByLabel('电子邮箱').fill('not-an-address');
	await reviewer.getByRole('button', { name: '保存' }).first().click();
	// The browser refuses a malformed address before it is sent.
	expect(
		await reviewer.getByLabel('电子邮箱').evaluate((el) => (el as HTMLInputElement).validity.valid)
	).toBe(false);
	await reviewer.getByLabel('电子邮箱').fill('reviewer@fgw.example.gov.cn');
	await reviewer.getByRole('button', { name: '保存' }).first().click();
	await status(reviewer, '通知邮箱已保存');
	await shoot(reviewer, 'todo-account');

	const admin = await openAs(browser, 'admin', workflow);
	await setPolicy(
		admin,
		'或签（任一签署）',
		['示例市发展和改革委员会', '示例市智慧城市专家咨询委员会'],
		{
			deadlineDays: 2
		}
	);
	await expect(admin.getByTestId('sign-chain')).toContainText('或签');
	await submit(admin);
	await status(admin, '已提交会签');

	// Nothing is overdue yet.
	await reviewer.goto('/todo');
	const mine = reviewer
		.locator('[data-todo="countersign"]')
		.filter({ has: reviewer.locator(`a[href="${workflow}"]`) });
	await expect(mine).toContainText('前办理');

	// The test clock moves a month on and the reminder sweep runs.
	const moved = await admin.request.post('/api/test/clock', {
		headers: { origin: baseURL! },
		data: { now: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(), sweep: true }
	});
	expect(moved.ok()).toBe(true);
	try {
		await reviewer.goto('/todo');
		await expect(mine).toContainText('已逾期');
		await shoot(reviewer, 'todo-overdue');
		await reviewer.goto('/inbox');
		await expect(reviewer.locator('[data-notification="task_overdue"]').first()).toBeVisible();
		await expect
			.poll(
				() =>
					readMailDir(mailDir).filter(
						(m) =>
							m.to.includes('reviewer@fgw.example.gov.cn') &&
							m.subject.includes('已逾期') &&
							m.text.includes(workflow)
					).length,
				{ timeout: 20_000 }
			)
			.toBeGreaterThan(0);
	} finally {
		await admin.request.post('/api/test/clock', {
			headers: { origin: baseURL! },
			data: { reset: true }
		});
	}

	// 或签: the expert panel alone completes the step; 发改委 has nothing left to sign.
	const expert = await openAs(browser, 'expert', '/todo');
	await expert.locator(`[data-todo="countersign"] a[href="${workflow}"]`).click();
	await expert.getByRole('button', { name: '会签同意', exact: true }).click();
	await status(expert, '已会签');
	await expect(expert.getByTestId('workflow-state')).toHaveText('待签发');
	await reviewer.goto('/todo');
	await expect(mine).toHaveCount(0);

	const leader = await openAs(browser, 'leader', workflow);
	await backToDrafting(leader, admin, workflow);
	for (const page of [admin, reviewer, expert, leader]) await page.context().close();
});

test('an objection in 参与确认 blocks 报批 until the owning department answers it', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const workflow = `${PLAN}/workflow/overall`;
	const objection = '目标中缺少面向企业的数据开放指标，建议补充。';
	const admin = await openAs(browser, 'admin', workflow);
	await setPolicy(admin, '会签（全部签署）', ['示例市智慧城市专家咨询委员会'], { enterprise: 1 });
	await submit(admin);
	await status(admin, '已提交会签');

	// The enterprise representative objects to 7.3.
	const qiye = await openAs(browser, 'qiye', workflow);
	const confirm = qiye.getByTestId('confirm-form');
	await confirm.getByLabel('有异议').check();
	await confirm.getByLabel('涉及章节（可选）').selectOption('7.3');
	await confirm.getByLabel(/异议内容/).fill(objection);
	await shoot(qiye, 'todo-object-form');
	await confirm.getByRole('button', { name: '提出异议' }).click();
	await status(qiye, '异议已提交');

	// The expert panel countersigns: the policy is met, but the activity stays in review.
	const expert = await openAs(browser, 'expert', workflow);
	await expert.getByRole('button', { name: '会签同意', exact: true }).click();
	await status(expert, '已会签');
	await expect(expert.getByTestId('workflow-state')).toHaveText('会签中');

	// 报批 is refused, naming the objection.
	await admin.goto(workflow);
	await expect(admin.getByTestId('forward-blocked')).toContainText('1 条异议未答复');
	await admin.getByRole('button', { name: '报批（形成报批稿）' }).click();
	const refusal = admin.getByRole('alert').filter({ hasText: '还有 1 条参与方异议未答复' });
	await expect(refusal).toBeVisible();
	await expect(refusal).toContainText('示例市城市运营科技有限公司');
	await expect(admin.getByTestId('workflow-state')).toHaveText('会签中');
	await shoot(admin, 'todo-objection');

	// 大数据局 writes 7.3: the objection is in its 待办, answered on the workflow page.
	const dsj = await openAs(browser, 'dsj', '/todo');
	await dsj.locator(`[data-todo="objection"] a[href="${workflow}"]`).click();
	const objections = dsj.getByRole('region', { name: '参与方异议' });
	await expect(objections).toContainText(objection);
	await objections.getByLabel('答复意见').fill('已在7.3补充数据开放指标。');
	await objections.getByRole('button', { name: '提交答复' }).click();
	await status(dsj, '异议已答复');
	await expect(objections.locator('[data-objection="answered"]')).toContainText(
		'已在7.3补充数据开放指标。'
	);

	// Now 报批 is the plan admin's 待办, and it goes through.
	await admin.goto('/todo');
	await admin.locator(`[data-todo="forward"] a[href="${workflow}"]`).click();
	await admin.getByRole('button', { name: '报批（形成报批稿）' }).click();
	await status(admin, '已报批');
	await expect(admin.getByTestId('workflow-state')).toHaveText('待签发');
	await expect(admin.getByTestId('timeline')).toContainText('答复参与方异议');
	await shoot(admin, 'todo-forwarded');

	const leader = await openAs(browser, 'leader', workflow);
	await backToDrafting(leader, admin, workflow);
	for (const page of [admin, qiye, expert, dsj, leader]) await page.context().close();
});

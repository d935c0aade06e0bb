import type { Page } from '@playwright/test';
import { expect, openSection, selectWords, test } from './fixtures.ts';

const DESKTOP = { width: 1280, height: 900 };
const body = (page: Page) => page.getByRole('textbox', { name: /正文$/ });
const panel = (page: Page) => page.getByRole('dialog', { name: /评论/ });

test('a comment’s highlight stays on its words while another editor types before them; replies reach the inbox', async ({
	browser
}) => {
	// 8.4 基础设施架构 belongs to 大数据局: 李晓明 (dsj) and 王建国 (admin) both write it.
	const li = await openSection(browser, 'dsj', '8.4', { viewport: DESKTOP });
	const wang = await openSection(browser, 'admin', '8.4', { viewport: DESKTOP });
	const words = '一朵政务云';

	await body(li).click();
	await selectWords(body(li), words);
	await li.getByRole('button', { name: '评论所选文字' }).click();
	await expect(panel(li)).toBeVisible();
	await panel(li)
		.getByRole('textbox', { name: '新评论' })
		.fill('请明确政务云的建设和运营主体，@王建国 看一下。');
	await panel(li).getByRole('button', { name: '发表评论' }).click();
	await expect(panel(li).locator('[data-thread-card]')).toContainText(
		'请明确政务云的建设和运营主体'
	);
	await expect(body(li).locator('.comment-highlight')).toHaveText(words);

	// 王建国 gets it live (announced over the section's connection) and types before the words.
	await expect(body(wang).locator('.comment-highlight')).toHaveText(words);
	await expect(wang.locator('[data-open-threads]')).toHaveText('1');
	await body(wang).click();
	await wang.keyboard.press('Control+Home');
	await wang.keyboard.type('按照集约共享原则，');
	// (王建国's named cursor sits between his words and the rest.)
	await expect(body(li)).toContainText('按照集约共享原则，');
	await expect(body(li).locator('.comment-highlight')).toHaveText(words);
	await expect(body(wang).locator('.comment-highlight')).toHaveText(words);

	// He opens the thread from the highlight and replies; 李晓明 sees the reply live.
	await body(wang).locator('.comment-highlight').click();
	const thread = panel(wang).locator('[data-thread-card]').first();
	await expect(thread).toContainText('请明确政务云的建设和运营主体');
	await thread
		.getByRole('textbox', { name: '回复' })
		.fill('已补充：由市大数据局统一建设，城市运营公司运营。');
	await thread.getByRole('button', { name: '回复', exact: true }).click();
	await expect(panel(li).locator('[data-thread-card]')).toContainText(
		'已补充：由市大数据局统一建设'
	);

	await li.screenshot({ path: 'test-results/comments-desktop.png' });

	// Deleting the commented words orphans the thread: shown with its quote, not lost.
	await body(wang).click();
	await selectWords(body(wang), words);
	await wang.keyboard.press('Backspace');
	await expect(body(li).locator('.comment-highlight')).toHaveCount(0);
	await expect(panel(li).locator('[data-orphaned]')).toHaveText('原文已删除');
	await expect(panel(li).locator('[data-quote]')).toContainText(words);

	// 李晓明's inbox has the reply; opening it leads back to the thread.
	await li.goto('/inbox');
	await expect(li.locator('[data-unread]')).toBeVisible();
	const reply = li.locator('[data-notification="reply"]').first();
	await expect(reply).toContainText('王建国 回复了您参与的评论');
	await reply.getByRole('button').click();
	await expect(li).toHaveURL(/\/plans\/1\/sections\/8\.4\?thread=\d+/);
	await expect(panel(li)).toBeVisible();

	// And 王建国 was mentioned.
	await wang.goto('/inbox');
	await expect(wang.locator('[data-notification="mention"]').first()).toContainText(
		'李晓明 在评论中提及了您'
	);

	await li.context().close();
	await wang.context().close();
});

test('a reviewer comments on a key project row without write access; the panel fits a phone', async ({
	browser
}) => {
	const reviewer = await openSection(browser, 'reviewer', '9.1', {
		viewport: { width: 390, height: 844 }
	});
	await expect(reviewer.getByText('您可阅读并评论本章节，但不能编辑正文。')).toHaveCount(1);
	const row = reviewer.locator('#row-demo-project-01');
	await row.getByRole('button', { name: /评论此行/ }).click();
	await panel(reviewer).getByRole('textbox', { name: '新评论' }).fill('投资估算请附测算依据。');
	await panel(reviewer).getByRole('button', { name: '发表评论' }).click();
	await expect(panel(reviewer).locator('[data-thread-card]')).toContainText('城市大脑建设工程');
	await expect(row.getByRole('button', { name: /评论此行.*1 条未解决/ })).toHaveCount(1);
	// The panel covers the phone's width exactly, with nothing sticking out.
	const box = await panel(reviewer).boundingBox();
	expect(box?.x).toBe(0);
	expect(box?.width).toBe(390);
	const widest = await panel(reviewer).evaluate((element) => element.scrollWidth);
	expect(widest).toBeLessThanOrEqual(390);
	await reviewer.screenshot({ path: 'test-results/comments-phone.png' });
	await reviewer.context().close();
});

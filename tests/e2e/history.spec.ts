import type { Page } from '@playwright/test';
import { expect, openSection, selectWords, test } from './fixtures.ts';

// 8.7 belongs to 发改委 (张丽华, fgw); no other spec edits it. 王建国 (admin) reads along.
const CLAUSE = '8.7';

const body = (page: Page) => page.getByRole('textbox', { name: /正文$/ });

async function typeAtEnd(page: Page, text: string) {
	await body(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type(text);
	await expect(page.locator('[data-status="saved"]')).toBeVisible();
}

test('a named version is saved, compared with now and restored; the reader sees it live; 谁写的 names the writer', async ({
	browser
}, testInfo) => {
	const zhang = await openSection(browser, 'fgw', CLAUSE, {
		viewport: { width: 1280, height: 900 }
	});
	const wang = await openSection(browser, 'admin', CLAUSE, {
		viewport: { width: 1280, height: 900 }
	});

	await typeAtEnd(zhang, '历史测试第一句。');
	await zhang.getByRole('button', { name: '保存版本' }).click();
	await zhang.getByLabel('版本名称').fill('初稿');
	await zhang.getByRole('button', { name: '保存', exact: true }).click();
	await expect(zhang.getByText('已保存版本“初稿”')).toBeVisible();

	await typeAtEnd(zhang, '随后追加的第二句。');
	await expect(body(wang)).toContainText('随后追加的第二句。');

	await zhang.locator('[data-history-link]').click();
	await expect(zhang.getByRole('heading', { level: 1 })).toContainText('版本历史');
	const versions = zhang.locator('[data-versions]');
	await expect(versions).toContainText('张丽华');
	await versions.getByText('初稿', { exact: true }).click();
	await expect(zhang.locator('[data-viewing]')).toBeVisible();
	const diff = zhang.locator('[data-diff]');
	await expect(diff.locator('ins')).toContainText('随后追加的第二句。');
	await expect(diff).toContainText('历史测试第一句。');

	await zhang.screenshot({ path: testInfo.outputPath('history-1280.png'), fullPage: true });
	await zhang.setViewportSize({ width: 390, height: 844 });
	await zhang.screenshot({ path: testInfo.outputPath('history-390.png'), fullPage: true });
	await zhang.setViewportSize({ width: 1280, height: 900 });

	await zhang.getByRole('button', { name: '恢复此版本' }).click();
	await expect(zhang.getByRole('alertdialog')).toContainText('恢复会作为你的一次新修改');
	await zhang.getByRole('button', { name: '确认恢复' }).click();
	await expect(zhang.locator('[data-restored]')).toBeVisible();
	await expect(versions).toContainText('张丽华 恢复到');

	// The reader's open editor follows the restore live.
	await expect(body(wang)).not.toContainText('随后追加的第二句。');
	await expect(body(wang)).toContainText('历史测试第一句。');

	// 谁写的: the reader selects the first sentence and learns it was 张丽华 (发改委).
	await body(wang).click();
	await selectWords(body(wang), '历史测试第一句');
	await wang.locator('[data-who-wrote]').first().click();
	const popover = wang.locator('[data-who-wrote-popover]');
	await expect(popover.locator('[data-author-name]')).toHaveText(['张丽华']);
	await expect(popover).toContainText('发展和改革委员会');

	await zhang.context().close();
	await wang.context().close();
});

import type { Page } from '@playwright/test';
import { expect, openSection, test } from './fixtures.ts';

const body = (page: Page) => page.getByRole('textbox', { name: /正文$/ });

test('two editors co-edit one section: text, a table and a list, with each other’s named cursor', async ({
	browser
}) => {
	// 8.6 标准体系 belongs to 大数据局, whose editors are admin (王建国) and dsj (李晓明). It is the one
	// section the demo seed leaves empty (src/lib/demo-content), so the test starts from a blank body —
	// in the e2e server's third copy of the plan, whose 8.6 no other spec writes (images.spec.ts
	// fills plan 1's; workflow.spec.ts freezes only chapter 6 of plan 3).
	const wang = await openSection(browser, 'admin', '8.6', { plan: 3 });
	const li = await openSection(browser, 'dsj', '8.6', { plan: 3 });
	await expect(body(wang)).toHaveText('');

	await body(wang).click();
	await wang.keyboard.type('总体架构由感知层、网络层、平台层和应用层组成。');
	await expect(body(li)).toContainText('总体架构由感知层、网络层、平台层和应用层组成。');

	await wang.keyboard.press('Enter');
	await wang.getByRole('button', { name: '插入表格' }).click();
	await wang.keyboard.type('层级');
	await expect(body(li).locator('table')).toBeVisible();
	await expect(body(li).locator('th').first()).toContainText('层级');

	await body(li).click();
	await li.keyboard.press('Control+End');
	await li.keyboard.press('Enter');
	await li.keyboard.type('1. 统一数据底座');
	await expect(body(wang).locator('ol > li')).toContainText('统一数据底座');

	// Each sees the other's cursor, labelled with the other's name.
	await expect(body(wang).locator('.ProseMirror-yjs-cursor')).toContainText('李晓明');
	await body(wang).click();
	await wang.keyboard.press('Control+End');
	await wang.keyboard.type('。');
	await expect(body(li).locator('.ProseMirror-yjs-cursor')).toContainText('王建国');

	await wang.context().close();
	await li.context().close();
});

test('edits made offline are kept, never shown as saved, and reach the others on reconnect', async ({
	browser
}) => {
	const wang = await openSection(browser, 'admin', '8.2');
	const li = await openSection(browser, 'dsj', '8.2');

	await li.context().setOffline(true);
	await expect(li.locator('[data-status="offline"]')).toBeVisible();
	await body(li).click();
	await li.keyboard.type('离线时写下的数据架构说明');
	// The indicator stays honest while nothing can reach the server.
	await li.waitForTimeout(500);
	await expect(li.locator('[data-status="saved"]')).toHaveCount(0);
	await expect(body(wang)).not.toContainText('离线时写下的');

	await li.context().setOffline(false);
	await expect(body(wang)).toContainText('离线时写下的数据架构说明', { timeout: 20_000 });
	await expect(li.locator('[data-status="saved"]')).toBeVisible({ timeout: 20_000 });

	await wang.context().close();
	await li.context().close();
});

test('an approver sees the section read-only', async ({ browser }) => {
	// Other departments' editors may suggest (修订, suggest.spec.ts); the approver only reads.
	const leader = await openSection(browser, 'leader', '8.1');
	await expect(leader.getByText('只读', { exact: true })).toBeVisible();
	await expect(body(leader)).toHaveAttribute('contenteditable', 'false');
	await expect(leader.getByRole('toolbar')).toHaveCount(0);
	await leader.context().close();
});

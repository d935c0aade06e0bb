/**
 * A row or tree node deleted by one editor while another person has it on screen: the other page
 * drops it and keeps working (no script error, later edits still flow both ways). The deleted row's
 * Y.Map must never be read or written after the deletion (that broke 8.1 for every other viewer).
 */
import type { Browser, Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures.ts';

interface Viewer {
	page: Page;
	errors: string[];
}

async function open(
	browser: Browser,
	baseURL: string | undefined,
	user: string,
	section: string
): Promise<Viewer> {
	const context = await browser.newContext({ baseURL });
	await loginAs(context, user);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error' && /TypeError|Yjs|deleted/i.test(message.text()))
			errors.push(message.text());
	});
	await page.goto(`/plans/1/sections/${section}`);
	await expect(page.locator('[data-status="saved"]')).toBeVisible();
	return { page, errors };
}

function acceptNextDialog(page: Page) {
	page.once('dialog', (dialog) => dialog.accept());
}

test('deleting a business-tree node another editor is looking at leaves their page working', async ({
	browser,
	baseURL
}) => {
	// 8.1 is 大数据局's: admin (王建国) and dsj (李晓明) both edit it.
	const wang = await open(browser, baseURL, 'admin', '8.1');
	const li = await open(browser, baseURL, 'dsj', '8.1');
	const node = (page: Page, name: string) =>
		page.getByRole('treeitem').filter({ has: page.locator(`input[value="${name}"]`) });

	await wang.page.getByRole('button', { name: '添加一级业务' }).click();
	await wang.page.keyboard.type('待删除业务');
	await wang.page.getByRole('button', { name: '在“待删除业务”下添加下级业务' }).click();
	await wang.page.keyboard.type('待删除子业务');

	// Li has the child open: its name field focused, its details (every field kind) unfolded.
	const childName = li.page.getByRole('textbox', { name: '二级业务名称' }).last();
	await expect(childName).toHaveValue('待删除子业务');
	await li.page.getByRole('treeitem').last().locator('summary').click();
	await childName.click();
	await expect(li.page.getByRole('button', { name: '删除“待删除子业务”' })).toBeVisible();

	acceptNextDialog(wang.page);
	await wang.page.getByRole('button', { name: '删除“待删除业务”' }).click();

	await expect(li.page.getByRole('button', { name: '删除“待删除业务”' })).toHaveCount(0);
	await expect(li.page.getByRole('button', { name: '删除“待删除子业务”' })).toHaveCount(0);
	expect(li.errors).toEqual([]);

	// Both pages still edit live: Li adds a node, Wang sees it, and the diagram follows.
	await li.page.getByRole('button', { name: '添加一级业务' }).click();
	await li.page.keyboard.type('删除之后新增');
	await expect(wang.page.getByRole('button', { name: '删除“删除之后新增”' })).toBeVisible();
	await expect(wang.page.locator('figure[data-diagram="business"] svg')).toContainText(
		'删除之后新增'
	);
	await expect(node(li.page, '待删除业务')).toHaveCount(0);

	acceptNextDialog(li.page);
	await li.page.getByRole('button', { name: '删除“删除之后新增”' }).click();
	await expect(wang.page.getByRole('button', { name: '删除“删除之后新增”' })).toHaveCount(0);
	expect(li.errors).toEqual([]);
	expect(wang.errors).toEqual([]);
	await li.page.context().close();
	await wang.page.context().close();
});

test('deleting a key project another editor has open leaves their page working', async ({
	browser,
	baseURL
}) => {
	// 9.1 is written by 大数据局 (dsj) and 发展改革委 (fgw) together.
	const li = await open(browser, baseURL, 'dsj', '9.1');
	const zhao = await open(browser, baseURL, 'fgw', '9.1');
	const project = (page: Page, name: string) =>
		page.locator('#block-keyProjects > ol > li', { has: page.getByRole('heading', { name }) });

	await li.page.getByRole('button', { name: '添加工程' }).click();
	await li.page.keyboard.type('待删除工程');
	await expect(project(zhao.page, '待删除工程')).toBeVisible();
	await project(zhao.page, '待删除工程').getByRole('button', { expanded: false }).click();
	const goal = project(zhao.page, '待删除工程').getByLabel('建设目标');
	await goal.click();
	await goal.pressSequentially('写到一半');

	acceptNextDialog(li.page);
	await li.page.getByRole('button', { name: '删除“待删除工程”' }).click();

	await expect(project(zhao.page, '待删除工程')).toHaveCount(0);
	expect(zhao.errors).toEqual([]);

	// Zhao keeps editing: a new row reaches Li.
	await zhao.page.getByRole('button', { name: '添加工程' }).click();
	await zhao.page.keyboard.type('删除之后的工程');
	await expect(project(li.page, '删除之后的工程')).toBeVisible();
	acceptNextDialog(zhao.page);
	await zhao.page.getByRole('button', { name: '删除“删除之后的工程”' }).click();
	await expect(project(li.page, '删除之后的工程')).toHaveCount(0);
	expect(zhao.errors).toEqual([]);
	expect(li.errors).toEqual([]);
	await li.page.context().close();
	await zhao.page.context().close();
});

test('deleting an indicator row another editor is typing in leaves their table working', async ({
	browser,
	baseURL
}) => {
	// 6.3 is 大数据局's: admin and dsj both edit it; indicators are one table.
	const wang = await open(browser, baseURL, 'admin', '6.3');
	const li = await open(browser, baseURL, 'dsj', '6.3');
	const rows = (page: Page) => page.locator('#block-indicators tbody > tr');
	// count() does not wait: let the seeded table draw first (the saved badge can come before it).
	await expect(rows(li.page).first()).toBeVisible();
	const seeded = await rows(li.page).count();

	await wang.page.getByRole('button', { name: '添加指标' }).click();
	await wang.page.getByLabel('指标编号').last().fill('待删除指标');
	await expect(rows(li.page)).toHaveCount(seeded + 1);
	const cell = li.page.getByLabel('备注').last();
	await cell.click();
	await cell.pressSequentially('备注');

	acceptNextDialog(wang.page);
	await wang.page.getByRole('button', { name: '删除“待删除指标”' }).click();
	await expect(rows(li.page)).toHaveCount(seeded);
	expect(li.errors).toEqual([]);

	await li.page.getByRole('button', { name: '添加指标' }).click();
	await li.page.getByLabel('指标编号').last().fill('删除之后的指标');
	await expect(wang.page.getByRole('button', { name: '删除“删除之后的指标”' })).toBeVisible();
	acceptNextDialog(li.page);
	await li.page.getByRole('button', { name: '删除“删除之后的指标”' }).click();
	await expect(rows(wang.page)).toHaveCount(seeded);
	expect(li.errors).toEqual([]);
	expect(wang.errors).toEqual([]);
	await li.page.context().close();
	await wang.page.context().close();
});

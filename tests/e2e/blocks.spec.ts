import type { Page } from '@playwright/test';
import { expect, openSection, test } from './fixtures.ts';

const projects = (page: Page) => page.locator('#block-keyProjects > ol > li');
const project = (page: Page, name: string) =>
	page.locator('#block-keyProjects > ol > li', { has: page.getByRole('heading', { name }) });
/** Long blocks list their rows folded; open one to edit its fields. */
async function expand(page: Page, name: string) {
	// The rows render once the document has synced; decide only then whether the row is folded.
	await expect(project(page, name)).toBeVisible();
	const toggle = project(page, name).getByRole('button', { expanded: false });
	if (await toggle.count()) await toggle.click();
	await expect(project(page, name).getByRole('button', { expanded: true })).toBeVisible();
}
const rule = (page: Page, id: string) => page.locator(`#checklist [data-rule="${id}"]`);

test('two departments edit the key-projects table live, and the 9.1.4 check follows', async ({
	browser
}) => {
	const li = await openSection(browser, 'dsj', '9.1');
	const zhao = await openSection(browser, 'fgw', '9.1');
	const seeded = await projects(li).count();
	expect(seeded).toBeGreaterThan(0);
	await expect(projects(zhao)).toHaveCount(seeded);

	// The seed's 基层智治工程 has a goal without a number: 9.1.4 a) is red for both.
	for (const page of [li, zhao]) {
		await expect(rule(page, '9.1.4.a')).toHaveAttribute('data-status', 'fail');
		await expect(rule(page, '9.1.4.a')).toContainText('基层智治工程');
	}
	await expand(li, '基层智治工程');
	await expand(zhao, '基层智治工程');
	const goal = project(li, '基层智治工程').getByLabel('建设目标');
	await goal.click();
	await goal.press('End');
	await goal.pressSequentially('，2028年底前覆盖全部158个社区');
	// It turns green live, in the other browser too, without a reload.
	await expect(rule(zhao, '9.1.4.a')).toHaveAttribute('data-status', 'pass');
	await expect(rule(li, '9.1.4.a')).toHaveAttribute('data-status', 'pass');
	await expect(project(zhao, '基层智治工程').getByLabel('建设目标')).toHaveValue(
		/覆盖全部158个社区$/
	);

	// Each adds a row at the same time; both rows survive in both views.
	await Promise.all([
		li.getByRole('button', { name: '添加工程' }).click(),
		zhao.getByRole('button', { name: '添加工程' }).click()
	]);
	await li.keyboard.type('城市安全韧性工程');
	await zhao.keyboard.type('数字乡村工程');
	for (const page of [li, zhao]) {
		await expect(projects(page)).toHaveCount(seeded + 2);
		await expect(project(page, '城市安全韧性工程')).toBeVisible();
		await expect(project(page, '数字乡村工程')).toBeVisible();
	}

	// Each edits a cell of the other's row (their own new row is already open).
	await expand(li, '数字乡村工程');
	await expand(zhao, '城市安全韧性工程');
	await project(li, '数字乡村工程').getByLabel('负责单位').fill('市农业农村局');
	await project(zhao, '城市安全韧性工程').getByLabel('资金估算').fill('3200');
	await project(zhao, '城市安全韧性工程').getByLabel('资金估算').press('Tab');
	await expect(project(zhao, '数字乡村工程').getByLabel('负责单位')).toHaveValue('市农业农村局');
	await expect(project(li, '城市安全韧性工程').getByLabel('资金估算')).toHaveValue('3200');

	// New rows lack 9.1.4's fields, so the check is red again and names them.
	await expect(rule(li, '9.1.4.a')).toHaveAttribute('data-status', 'fail');
	await expect(rule(li, '9.1.4.a')).toContainText('城市安全韧性工程');

	// After a reload, what both wrote is there (it was saved, not just shown).
	await li.reload();
	await expand(li, '数字乡村工程');
	await expand(li, '城市安全韧性工程');
	await expect(project(li, '数字乡村工程').getByLabel('负责单位')).toHaveValue('市农业农村局');
	await expect(project(li, '城市安全韧性工程').getByLabel('资金估算')).toHaveValue('3200');

	await li.context().close();
	await zhao.context().close();
});

test('the business architecture tree: add, rename and nest nodes, seen live by another editor', async ({
	browser
}) => {
	// On the e2e server's tenth plan copy: diagrams.spec.ts and block-delete.spec.ts change plan 1's
	// tree beside it, and `.last()` below must be this test's node.
	const open = (user: string) => openSection(browser, user, '8.1', { plan: 10 });
	// 8.1 is 大数据局's: admin (王建国) and dsj (李晓明) both edit it.
	const wang = await open('admin');
	const li = await open('dsj');

	await wang.getByRole('button', { name: '添加一级业务' }).click();
	await wang.keyboard.type('数字乡村');
	await expect(li.getByRole('treeitem', { level: 1 }).last()).toBeVisible();
	await expect(li.getByRole('textbox', { name: '一级业务名称' }).last()).toHaveValue('数字乡村');

	await li.getByRole('button', { name: '在“数字乡村”下添加下级业务' }).click();
	await li.keyboard.type('农村电商');
	await expect(wang.getByRole('textbox', { name: '二级业务名称' }).last()).toHaveValue('农村电商');

	// Deleting the parent takes its subtree with it, for both.
	wang.once('dialog', (dialog) => dialog.accept());
	await wang.getByRole('button', { name: '删除“数字乡村”' }).click();
	await expect(li.getByRole('button', { name: '删除“数字乡村”' })).toHaveCount(0);
	await expect(li.getByRole('button', { name: '删除“农村电商”' })).toHaveCount(0);

	await wang.context().close();
	await li.context().close();
});

import { expect, loginAs, test } from './fixtures.ts';

test('an admin creates a plan, adds a member and assigns a section; the member then sees the plan', async ({
	browser,
	baseURL
}) => {
	const adminContext = await browser.newContext({ baseURL });
	await loginAs(adminContext, 'admin');
	const admin = await adminContext.newPage();

	await admin.goto('/admin/plans');
	await admin.getByLabel('规划名称').fill('样板市智慧城市顶层设计（2027—2031年）');
	await admin.getByLabel('城市').fill('样板市');
	await admin.getByLabel('牵头单位').selectOption({ label: '示例市大数据局' });
	await admin.getByLabel('规划期起始年').fill('2027');
	await admin.getByLabel('规划期结束年').fill('2031');
	await admin.getByRole('button', { name: '创建' }).click();

	await expect(admin.getByRole('heading', { name: '规划管理' })).toBeVisible();
	await expect(admin.getByText('《样板市智慧城市顶层设计（2027—2031年）》')).toBeVisible();

	await admin
		.getByRole('combobox', { name: /^用户/ })
		.selectOption({ label: '陈志强（示例市公安局）' });
	await admin.getByRole('combobox', { name: /^角色/ }).selectOption({ label: '部门编辑' });
	await admin.getByRole('button', { name: '添加', exact: true }).click();
	await expect(admin.getByRole('status')).toHaveText('已添加成员。');
	await expect(admin.getByRole('listitem').filter({ hasText: '陈志强' })).toContainText('部门编辑');

	await admin.getByRole('link', { name: '章节分工' }).click();
	const row = admin.locator('[data-clause="8.5"]');
	await row.getByRole('combobox').selectOption({ label: '示例市公安局' });
	await row.getByRole('button', { name: '分配' }).click();
	await expect(row.getByRole('list', { name: '责任部门' })).toContainText('示例市公安局');
	await adminContext.close();

	const memberContext = await browser.newContext({ baseURL });
	await loginAs(memberContext, 'gaj');
	const member = await memberContext.newPage();
	await member.goto('/');
	await member.getByRole('link', { name: /样板市智慧城市顶层设计/ }).click();
	const section = member.getByRole('listitem').filter({ hasText: '安全体系' });
	await expect(section).toContainText('示例市公安局');
	await expect(section).toContainText('可编辑');
	await memberContext.close();
});

test('a planning period longer than five years is accepted with the clause 4.3 warning, and an outlook year', async ({
	page,
	context
}) => {
	await loginAs(context, 'admin');
	await page.goto('/admin/plans');
	await page.getByLabel('规划名称').fill('长周期规划（2026—2032年）');
	await page.getByLabel('城市').fill('示例市');
	await page.getByLabel('规划期起始年').fill('2026');
	await page.getByLabel('规划期结束年').fill('2032');
	const warning = page.locator('[data-period-warning]');
	await expect(warning).toContainText('规划期为 7 年');
	await expect(warning).toContainText('第 4.3 条');
	await page.getByLabel('规划期结束年').fill('2030');
	await expect(warning).toBeHidden();
	await page.getByLabel('规划期结束年').fill('2032');
	await page.getByLabel('展望年（可选）').fill('2035');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('heading', { name: '规划管理' })).toBeVisible();
	await page.goto('/admin/plans');
	await expect(
		page.getByRole('listitem').filter({ hasText: '长周期规划（2026—2032年）' })
	).toContainText('规划期：2026—2032年，展望2035年');
});

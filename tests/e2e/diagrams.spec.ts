import { expect, openSection, test } from './fixtures.ts';

test('the 业务架构图 is redrawn live when another editor changes the business tree', async ({
	browser
}) => {
	// 8.1 is 大数据局's: admin (王建国) and dsj (李晓明) both edit it.
	const wang = await openSection(browser, 'admin', '8.1');
	const li = await openSection(browser, 'dsj', '8.1');
	const figure = li.locator('figure[data-diagram="business"]');
	await expect(figure.getByRole('img')).toBeVisible();
	await expect(figure.locator('svg')).not.toContainText('智慧文旅示范');

	await wang.getByRole('button', { name: '添加一级业务' }).click();
	await wang.keyboard.type('智慧文旅示范');
	await expect(figure.locator('svg')).toContainText('智慧文旅示范');

	await wang.getByRole('button', { name: '在“智慧文旅示范”下添加下级业务' }).click();
	await wang.keyboard.type('景区预约');
	await expect(figure.locator('svg')).toContainText('景区预约');

	// Zoom: the drawing gets its own, larger width and the viewport scrolls.
	const svg = figure.locator('svg');
	const before = (await svg.boundingBox())!.width;
	await figure.getByRole('button', { name: '放大' }).click();
	await figure.getByRole('button', { name: '放大' }).click();
	await expect.poll(async () => (await svg.boundingBox())!.width).toBeGreaterThan(before);
	await figure.getByRole('button', { name: '适应宽度' }).click();

	// Renaming is redrawn too.
	await wang.getByRole('textbox', { name: '二级业务名称' }).last().fill('景区分时预约');
	await expect(figure.locator('svg')).toContainText('景区分时预约');

	// Leave the plan as it was (other tests read 8.1).
	await li.context().close();
	wang.once('dialog', (dialog) => dialog.accept());
	await wang.getByRole('button', { name: '删除“智慧文旅示范”' }).click();
	await expect(wang.getByRole('button', { name: '删除“智慧文旅示范”' })).toHaveCount(0);

	await wang.context().close();
});

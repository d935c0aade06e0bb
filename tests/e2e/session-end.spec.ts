import { expect, loginAs, test } from './fixtures.ts';

test('after logging out in one tab, the other tab’s section asks to log in again', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL });
	try {
		await loginAs(context, 'gaj');
		const section = await context.newPage();
		await section.goto('/plans/1/sections/6.2');
		await expect(section.locator('[data-status="saved"]')).toBeVisible();

		const other = await context.newPage();
		await other.goto('/');
		await other.getByRole('button', { name: /陈志强/ }).click();
		await other.getByRole('menuitem', { name: '退出登录' }).click();
		await expect(other).toHaveURL(/\/login/);

		const alert = section.getByRole('alert').filter({ hasText: '登录已失效，请重新登录' });
		await expect(alert).toBeVisible();
		const relogin = alert.getByRole('link', { name: '重新登录' });
		await expect(relogin).toHaveAttribute(
			'href',
			/^\/login\?redirectTo=%2Fplans%2F1%2Fsections%2F6\.2$/
		);
	} finally {
		await context.close();
	}
});

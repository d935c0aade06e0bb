import { login, postForm } from '../helpers/http.ts';
import { expect, loginAs, serverUrl, test } from './fixtures.ts';

test.describe('登录', () => {
	test('a department editor logs in through the form and sees the demo plan', async ({ page }) => {
		await page.goto('/');
		await expect(page).toHaveURL(/\/login/);
		await page.getByLabel('账号').fill('wjw');
		await page.getByLabel('密码').fill('lantu2026');
		await page.getByRole('button', { name: '登录', exact: true }).click();
		await expect(page.getByRole('heading', { name: '我的规划' })).toBeVisible();
		await expect(page.getByText('《示例市智慧城市顶层设计（2026—2030年）》')).toBeVisible();
	});

	test('a wrong password shows a clear Chinese error', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('账号').fill('wjw');
		await page.getByLabel('密码').fill('not-the-password');
		await page.getByRole('button', { name: '登录', exact: true }).click();
		await expect(page.getByRole('alert')).toHaveText('账号或密码不正确。');
		await expect(page).toHaveURL(/\/login/);
	});

	test('repeated failures are throttled, even for the right password', async ({ page }) => {
		// Locking an account disturbs every other test that logs in as it, so this test locks an
		// account of its own, created by the administrator through the real admin form.
		const url = serverUrl();
		const admin = await login(url, 'admin');
		const created = await postForm(
			url,
			'/admin/users?/create',
			{
				displayName: '锁定测试',
				username: 'lockout-e2e',
				organizationId: '1',
				password: 'lockout-pass-2026'
			},
			admin
		);
		expect(created.status).toBeLessThan(400);
		await page.goto('/login');
		for (let attempt = 0; attempt < 5; attempt++) {
			await page.getByLabel('账号').fill('lockout-e2e');
			await page.getByLabel('密码').fill(`wrong-${attempt}`);
			await page.getByRole('button', { name: '登录', exact: true }).click();
			// Each attempt hashes a password (argon2): on a loaded CI machine that is slow, not wrong.
			await expect(page.getByRole('alert')).toBeVisible({ timeout: 30_000 });
		}
		await page.getByLabel('账号').fill('lockout-e2e');
		await page.getByLabel('密码').fill('lockout-pass-2026');
		await page.getByRole('button', { name: '登录', exact: true }).click();
		await expect(page.getByRole('alert')).toContainText('登录失败次数过多');
		await expect(page).toHaveURL(/\/login/);
	});
});

test.describe('手机宽度', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	for (const path of ['/login', '/']) {
		test(`${path} has no horizontal overflow`, async ({ page, context }) => {
			if (path !== '/login') {
				await loginAs(context, 'gaj');
			}
			await page.goto(path);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	}
});

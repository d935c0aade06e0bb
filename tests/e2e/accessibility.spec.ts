/**
 * Accessibility guard: axe-core over the main routes, for each kind of member, on a 1440 px desktop
 * and a 390 px phone. Serious and critical violations fail the test (WCAG 2.1 A/AA and axe's best
 * practices are checked); the page must not scroll sideways either. Read-only visits: nothing here
 * changes the shared demo plan, so the order of spec files does not matter.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures.ts';

const PLAN = '/plans/1';
/** Pages every member who reads the draft sees. */
const MEMBER = [
	'/',
	PLAN,
	`${PLAN}/sections/6.3`,
	`${PLAN}/sections/8.1`,
	`${PLAN}/sections/9.3`,
	`${PLAN}/dashboard`,
	`${PLAN}/activities/requirements`,
	`${PLAN}/workflow/requirements`,
	`${PLAN}/rounds`,
	`${PLAN}/export`,
	'/inbox',
	'/account'
];

const ROLES: { user: string; kind: string; routes: string[] }[] = [
	{
		user: 'admin',
		kind: 'administrator',
		routes: [
			...MEMBER,
			`${PLAN}/manage`,
			`${PLAN}/manage/sections`,
			`${PLAN}/manage/invites`,
			'/admin',
			'/admin/users',
			'/admin/organizations',
			'/admin/plans',
			'/admin/audit'
		]
	},
	{ user: 'dsj', kind: 'department editor', routes: MEMBER },
	{ user: 'reviewer', kind: 'reviewer', routes: MEMBER },
	// The leader reads what a reviewer reads; the pages that differ for them are the plan and workflow.
	{
		user: 'leader',
		kind: 'leader',
		routes: ['/', PLAN, `${PLAN}/sections/6.1`, `${PLAN}/workflow/requirements`, '/inbox']
	},
	// Participants read published versions only: no section pages, dashboard or Appendix A.
	{
		user: 'jumin',
		kind: "residents' representative",
		routes: ['/', PLAN, `${PLAN}/workflow/requirements`, `${PLAN}/export`, '/inbox', '/account']
	}
];

const WIDTHS = [
	{ name: 'desktop', width: 1440, height: 900 },
	{ name: 'phone', width: 390, height: 844 }
];

/** Waits until what the page fetches after hydration (a section's live document) is on screen. */
async function settled(page: Page, path: string) {
	await page.waitForLoadState('networkidle');
	if (/\/sections\//.test(path)) {
		await expect(page.getByTestId('checklist-summary')).toBeVisible();
	}
}

async function serious(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({
			rule: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
		}));
}

for (const { user, kind, routes } of ROLES) {
	for (const viewport of WIDTHS) {
		test(`axe: no serious violations for a ${kind} (${user}) on a ${viewport.name}`, async ({
			browser,
			baseURL
		}) => {
			test.setTimeout(240_000);
			const context = await browser.newContext({
				baseURL,
				viewport: { width: viewport.width, height: viewport.height }
			});
			await loginAs(context, user);
			const page = await context.newPage();
			const found: Record<string, unknown> = {};
			for (const path of routes) {
				const response = await page.goto(path);
				expect(response?.status(), path).toBeLessThan(400);
				await settled(page, path);
				const violations = await serious(page);
				if (violations.length > 0) found[path] = violations;
				const sideways = await page.evaluate(
					() => document.documentElement.scrollWidth - window.innerWidth
				);
				expect(sideways, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
			}
			await context.close();
			expect(found).toEqual({});
		});
	}
}

test('axe: the login page has no serious violations on a desktop or a phone', async ({ page }) => {
	for (const viewport of WIDTHS) {
		await page.setViewportSize({ width: viewport.width, height: viewport.height });
		await page.goto('/login');
		await settled(page, '/login');
		expect(await serious(page)).toEqual([]);
	}
});

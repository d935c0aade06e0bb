/**
 * Issue 15, answering at volume and openness, in the browser: the admin publishes 总体架构设计 as a
 * 公开 round; 50 enterprise opinions (one long, using 数据), and a campaign sent by three people,
 * are in the database; the admin finds “数据” by word, answers the campaign's duplicate group once
 * (合并处理; every sender is told), answers the 50 at once with that reason as the round's
 * template, and the public 采纳情况 page — open while the round runs, since it is 公开 — shows the
 * people masked and the counts the internal report has. A server of its own: it writes opinions
 * straight into the database (the comment form limits people, not test data).
 */
import Database from 'better-sqlite3';
import type { Browser } from '@playwright/test';
import type { VersionPayload } from '../../src/lib/workflow/version.ts';
import { frozenPassages, opinionWriter } from '../helpers/consultation.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { expect, test } from './fixtures.ts';

const CAMPAIGN = '强烈建议在东城街道建设一座社区养老服务中心，解决老年人就近养老的问题，方便居民。';
const LONG = `${'建议加强各部门之间的协同，'.repeat(250)}最后，建议推进政务数据共享，打通部门壁垒。`;
const TOPICS = ['交通', '医疗', '教育', '环保', '应急', '文旅', '政务', '社保', '住房', '农业'];
const MERGED = '养老服务设施在9.2重点任务中统筹安排。';

async function as(browser: Browser, server: TestServer, user: string, viewport?: number) {
	const context = await browser.newContext({
		baseURL: server.url,
		...(viewport ? { viewport: { width: viewport, height: 844 }, isMobile: true } : {})
	});
	const [name, value] = (await login(server.url, user)).split('=');
	await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
	return context.newPage();
}

/** 50 enterprise opinions by 吴经理 and the campaign by 吴经理, 郑阿姨 and 孙教授. */
function seed(server: TestServer, roundId: number) {
	const db = new Database(server.databasePath);
	try {
		const { payload } = db
			.prepare(
				'SELECT c.payload FROM consultation_rounds r JOIN activity_versions v ON v.id = r.version_id JOIN version_contents c ON c.hash = v.hash WHERE r.id = ?'
			)
			.get(roundId) as { payload: string };
		const passage = frozenPassages(JSON.parse(payload) as VersionPayload, 12, 1)[0];
		const users = db
			.prepare(
				"SELECT username, users.id AS id, organization_id AS org, o.type FROM users JOIN organizations o ON o.id = users.organization_id WHERE username IN ('qiye', 'jumin', 'expert')"
			)
			.all() as { username: string; id: number; org: number; type: string }[];
		const by = (name: string) => users.find((u) => u.username === name)!;
		const write = opinionWriter(db);
		const add = (author: { id: number; org: number; type: string }, body: string) =>
			write({ roundId, passage, author, type: author.type, body });

		for (let i = 0; i < 50; i++)
			add(
				by('qiye'),
				i === 7
					? LONG
					: `第${i + 1}条：${TOPICS[i % 10]}领域第${Math.floor(i / 10) + 1}期项目${'甲乙丙丁戊'[i % 5]}的${i % 2 ? '验收标准' : '资金来源'}需要写明。`
			);
		for (const name of ['jumin', 'expert']) add(by(name), CAMPAIGN);
		add(by('qiye'), `${CAMPAIGN}谢谢！`);
	} finally {
		db.close();
	}
}

test('50 answered with a template, a duplicate group once, the public sees it masked', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const server = await startServer();
	try {
		// The admin publishes chapter 8 with its opinions public while it runs (公开).
		const admin = await as(browser, server, 'admin');
		await admin.goto('/plans/1/workflow/architecture');
		const publish = admin.getByTestId('publish-form');
		await publish.getByRole('radio', { name: /^公开：征求期间/ }).check();
		await publish.getByRole('button', { name: '发布征求意见稿' }).click();
		await expect(admin.getByRole('status').filter({ hasText: '征求意见稿已发布' })).toBeVisible();
		const roundHref = await admin
			.getByRole('link', { name: /第 \d+ 版 · 征求意见中/ })
			.getAttribute('href');
		const roundId = Number(roundHref?.split('/').pop());
		seed(server, roundId);

		await admin.goto(`${roundHref}`);
		await expect(admin.getByTestId('round-openness')).toContainText('意见公开');
		await admin.getByRole('link', { name: /批量答复/ }).click();
		const counts = admin.getByTestId('bulk-counts');
		await expect(counts).toContainText('共 53 条，待答复 53 条');

		// Word search: 数据 in the long opinion.
		const filters = admin.getByTestId('bulk-filters');
		await filters.getByLabel('搜索意见（按词）').fill('数据');
		await filters.getByRole('button', { name: '筛选' }).click();
		await expect(counts).toContainText('符合筛选条件 1 条');
		await expect(admin.getByTestId('bulk-item')).toContainText('推进政务数据共享');

		// The campaign is one group of three, answered once as 合并处理 (found by a word: the view
		// shows 50 a page and the campaign came last).
		await filters.getByLabel('搜索意见（按词）').fill('养老');
		await filters.getByRole('button', { name: '筛选' }).click();
		await expect(counts).toContainText('符合筛选条件 3 条');
		const campaign = admin.getByTestId('bulk-item').filter({ hasText: '东城街道建设一座社区养老' });
		await campaign.first().getByTestId('bulk-group').click();
		await expect(admin.getByTestId('bulk-merged')).toBeVisible();
		await expect(counts).toContainText('符合筛选条件 3 条');
		// Selecting is the page's script: wait until it runs.
		await admin.waitForLoadState('networkidle');
		await admin.getByLabel(/全选本页 3 条/).check();
		await admin.getByRole('radio', { name: '采纳', exact: true }).check();
		await admin.getByLabel(/^答复理由/).fill(MERGED);
		await admin.getByRole('button', { name: '答复所选（3 条）' }).click();
		await expect(admin.getByRole('status').filter({ hasText: '已答复 3 条意见' })).toBeVisible();

		// The 50: filtered, all selected, the reason from the round's templates.
		await admin.goto(`${roundHref}/answer?type=enterprise&status=pending`);
		await expect(counts).toContainText('符合筛选条件 50 条');
		await admin.waitForLoadState('networkidle');
		await admin.getByLabel(/全选本页 50 条/).check();
		await admin.getByRole('radio', { name: '不采纳' }).check();
		await admin.getByRole('button', { name: `（合并处理）${MERGED}` }).click();
		await expect(admin.getByLabel(/^答复理由/)).toHaveValue(`（合并处理）${MERGED}`);
		await admin.getByRole('button', { name: '答复所选（50 条）' }).click();
		await expect(admin.getByRole('status').filter({ hasText: '已答复 50 条意见' })).toBeVisible();
		await expect(counts).toContainText('符合筛选条件 0 条');

		// Every sender of the campaign is told.
		for (const user of ['jumin', 'expert']) {
			const page = await as(browser, server, user);
			await page.goto('/inbox');
			await expect(
				page.locator('[data-notification="answer"]').filter({ hasText: MERGED })
			).toHaveCount(1);
			await page.context().close();
		}

		// The internal report's counts…
		await admin.goto(`${roundHref}/report`);
		// 采纳 / 部分采纳 / 不采纳 / 未答复 / 合计
		const totals = admin.getByTestId('report-counts').locator('tfoot td');
		await expect(totals).toHaveText(['3', '0', '50', '0', '53']);

		// …are the public page's, on a phone, without an account; people masked, companies named.
		const context = await browser.newContext({
			baseURL: server.url,
			viewport: { width: 390, height: 844 },
			isMobile: true
		});
		const phone = await context.newPage();
		await phone.goto(`/consult/results/${roundId}`);
		await expect(phone.getByTestId('adoption-running')).toBeVisible();
		await expect(phone.getByTestId('adoption-counts')).toHaveText(
			'共征集意见53条，采纳3条，未采纳50条'
		);
		const rows = phone.getByTestId('adoption-row');
		await expect(rows).toHaveCount(53);
		await expect(rows.filter({ hasText: '郑**' })).toHaveCount(1);
		await expect(rows.filter({ hasText: '孙**' })).toHaveCount(1);
		await expect(phone.getByText('郑阿姨')).toHaveCount(0);
		await expect(phone.getByText('吴经理')).toHaveCount(0);
		await context.close();
		await admin.context().close();
	} finally {
		await server.stop();
	}
});

/**
 * The plan-level views against the real server: the section tree with completion, the conformance
 * dashboard and Appendix A, for a department editor after writing into a section, and what
 * participants (who do not read the draft) get instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let dsj: string;

async function page(path: string, cookie: string): Promise<{ status: number; html: string }> {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
	return { status: response.status, html: await response.text() };
}

/** The markup of the element carrying `attribute`, up to the end of its list item or section. */
function fragment(html: string, attribute: string, end = '</li>'): string {
	const start = html.indexOf(attribute);
	expect(start, `${attribute} in page`).toBeGreaterThanOrEqual(0);
	return html.slice(start, html.indexOf(end, start));
}

function paragraph(text: string): Y.XmlElement {
	const element = new Y.XmlElement('paragraph');
	element.insert(0, [new Y.XmlText(text)]);
	return element;
}

beforeAll(async () => {
	server = await startServer();
	dsj = await login(server.url, 'dsj');
	// 大数据局 writes 7.2: both of its items (7.2.1 指导思想, 7.2.2 基本原则) through a real provider.
	const writer = connect(server.url, dsj, 'plan/1/section/7.2');
	try {
		await eventually(() => expect(writer.provider.authorizedScope).toBe('read-write'));
		await eventually(() => expect(writer.provider.isSynced).toBe(true));
		writer.doc.transact(() => {
			writer.doc
				.getXmlFragment('item:7.2.1')
				.insert(0, [paragraph('以人民为中心，数据赋能城市治理。')]);
			writer.doc
				.getXmlFragment('item:7.2.2')
				.insert(0, [paragraph('统筹集约、安全可控、开放共享。')]);
		});
		await eventually(async () => {
			const { html } = await page('/plans/1', dsj);
			expect(fragment(html, 'data-clause="7.2"')).toContain('2/2');
		}, 10_000);
	} finally {
		writer.destroy();
	}
});
afterAll(async () => {
	await server?.stop();
});

describe('a department editor', () => {
	it('sees the four activities, their sections with owners, completion and what they may write', async () => {
		const { status, html } = await page('/plans/1', dsj);
		expect(status).toBe(200);
		for (const title of ['需求分析', '总体设计', '架构设计', '实施路径规划'])
			expect(html).toContain(title);
		expect(html).toContain('城市发展战略与目标分析');
		expect(html).toContain('业务架构');
		const section72 = fragment(html, 'data-clause="7.2"');
		expect(section72).toContain('href="/plans/1/sections/7.2"');
		expect(section72).toContain('2/2');
		expect(section72).toContain('我可编辑');
		// 6.1 belongs to 发展改革委: readable, not writable, nothing written yet.
		const section61 = fragment(html, 'data-clause="6.1"');
		expect(section61).toContain('0/4');
		expect(section61).not.toContain('我可编辑');
		expect(html).toContain('href="/plans/1/dashboard"');
		expect(html).toContain('href="/plans/1/activities/overall"');
	});

	it('sees scores per chapter and open items that link to where they are fixed', async () => {
		const { status, html } = await page('/plans/1/dashboard', dsj);
		expect(status).toBe(200);
		// Chapter 7: 2 of its 11 applicable required rules pass after 7.2 was written.
		const chapter7 = fragment(html, 'data-activity="overall"', '</section>');
		expect(chapter7).toContain('data-score="18"');
		expect(chapter7).toContain('满足 2 · 未满足 9');
		expect(fragment(html, 'data-activity="requirements"', '</section>')).toContain(
			'data-score="0"'
		);
		const open = fragment(html, 'data-rule="item:6.1.2.1"');
		expect(open).toContain('战略定位');
		expect(open).toContain('href="/plans/1/sections/6.1#item-6.1.2.1"');
		expect(html).toMatch(/href="\/plans\/1\/sections\/9\.1#block-keyProjects"/);
		// Written items are no longer open.
		expect(html).not.toContain('data-rule="item:7.2.1"');
	});

	it('sees Appendix A of an activity with inputs linked to their sections and outputs’ fill status', async () => {
		const { status, html } = await page('/plans/1/activities/overall', dsj);
		expect(status).toBe(200);
		const row72 = fragment(html, 'data-row="7.2"', '</section>');
		expect(row72).toContain('智慧城市建设需求');
		expect(row72).toContain('href="/plans/1/sections/6.5"');
		expect(fragment(row72, 'data-output="智慧城市建设指导思想"')).toContain('data-status="filled"');
		expect(fragment(row72, 'data-output="智慧城市建设指导思想"')).toContain(
			'href="/plans/1/sections/7.2#item-7.2.1"'
		);
		const row73 = fragment(html, 'data-row="7.3"', '</section>');
		expect(fragment(row73, 'data-output="智慧城市建设总体目标"')).toContain('data-status="empty"');
		expect(fragment(row73, 'data-output="智慧城市建设总体目标"')).toContain(
			'href="/plans/1/sections/7.3#block-goals"'
		);
		expect((await page('/plans/1/activities/nonsense', dsj)).status).toBe(404);
	});
});

describe('participants do not get draft-derived data', () => {
	for (const username of ['qiye', 'jumin']) {
		it(`${username}: no dashboard, no completion on the plan page, no fill status in Appendix A`, async () => {
			const cookie = await login(server.url, username);
			expect((await page('/plans/1/dashboard', cookie)).status).toBe(403);
			const dashboardData = await page('/plans/1/dashboard/__data.json', cookie);
			expect(dashboardData.html).toContain('"status":403');
			expect(dashboardData.html).not.toContain('"score"');

			const plan = await page('/plans/1', cookie);
			expect(plan.status).toBe(200);
			expect(plan.html).toContain('城市发展战略与目标分析');
			expect(fragment(plan.html, 'data-clause="7.2"')).not.toContain('2/2');
			expect(plan.html).not.toContain('/plans/1/sections/');
			const data = await page('/plans/1/__data.json', cookie);
			expect(data.status).toBe(200);
			expect(data.html).toContain('城市发展战略与目标分析');
			for (const key of ['basis', 'score', 'openRequired', 'pass']) {
				expect(data.html).not.toContain(`"${key}"`);
			}

			const appendix = await page('/plans/1/activities/overall', cookie);
			expect(appendix.status).toBe(200);
			expect(appendix.html).toContain('智慧城市建设指导思想');
			expect(appendix.html).not.toContain('data-status=');
			expect(appendix.html).not.toContain('/plans/1/sections/');
		});
	}
});

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
	// The demo plan is seeded with a draft that leaves 8.6 标准体系 empty (src/lib/demo-content). 大数据局
	// writes its body through a real provider, which completes chapter 8.
	const writer = connect(server.url, dsj, 'plan/1/section/8.6');
	try {
		await eventually(() => expect(writer.provider.authorizedScope).toBe('read-write'));
		await eventually(() => expect(writer.provider.isSynced).toBe(true));
		writer.doc
			.getXmlFragment('body')
			.insert(0, [paragraph('标准体系包括基础通用、数据、服务、管理四类标准。')]);
		await eventually(async () => {
			const { html } = await page('/plans/1', dsj);
			expect(fragment(html, 'data-clause="8.6"')).toContain('1/1');
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
		const section86 = fragment(html, 'data-clause="8.6"');
		expect(section86).toContain('href="/plans/1/sections/8.6"');
		expect(section86).toContain('1/1');
		expect(section86).toContain('我可编辑');
		// 6.5 is 大数据局's too, with its deliberate gap (6.5.2 j) left empty by the seed); 4.1.4's
		// stakeholder coverage is checked there too.
		expect(fragment(html, 'data-clause="6.5"')).toContain('11/12');
		// 6.1 belongs to 发展改革委: readable, not writable, fully drafted by the seed.
		const section61 = fragment(html, 'data-clause="6.1"');
		expect(section61).toContain('4/4');
		expect(section61).not.toContain('我可编辑');
		expect(html).toContain('href="/plans/1/dashboard"');
		expect(html).toContain('href="/plans/1/activities/overall"');
	});

	it('sees scores per chapter and open items that link to where they are fixed', async () => {
		const { status, html } = await page('/plans/1/dashboard', dsj);
		expect(status).toBe(200);
		// Chapter 8: every applicable required rule passes once 8.6 was written (B.1.1's three levels
		// are a recommendation: Appendix B is informative).
		const chapter8 = fragment(html, 'data-activity="architecture"', '</section>');
		expect(chapter8).toContain('data-score="100"');
		expect(chapter8).toContain('满足 21 · 未满足 0');
		// Chapter 6: 21 of 22 (the seed's 6.5.2 j) gap), rounded down.
		expect(fragment(html, 'data-activity="requirements"', '</section>')).toContain(
			'data-score="95"'
		);
		const open = fragment(html, 'data-rule="item:6.5.2.j"');
		expect(open).toContain('接口需求分析');
		expect(open).toContain('href="/plans/1/sections/6.5#item-6.5.2.j"');
		// A key project's missing quantified goal (9.1.4 a)) links to that project's row.
		expect(fragment(html, 'data-rule="9.1.4.a"')).toMatch(
			/href="\/plans\/1\/sections\/9\.1#row-[^"]+"/
		);
		// Written sections are no longer open.
		expect(html).not.toContain('data-rule="3.2.8.6"');
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
		const architecture = await page('/plans/1/activities/architecture', dsj);
		const row86 = fragment(architecture.html, 'data-row="8.6"', '</section>');
		expect(fragment(row86, 'data-output="标准体系框架"')).toContain('data-status="filled"');
		expect(fragment(row86, 'data-output="标准体系框架"')).toContain('href="/plans/1/sections/8.6"');
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
			expect(fragment(plan.html, 'data-clause="8.6"')).not.toContain('1/1');
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

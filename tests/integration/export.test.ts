/**
 * Exporting the demo plan from the real server: the DOCX read back from its word/document.xml, the
 * Markdown against every section's prose, the PDF's pages and title, and a participant refused the
 * draft.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SECTIONS } from '../../src/lib/demo-content/index.ts';
import { TEMPLATES } from '../../src/lib/templates/index.ts';
import { login } from '../helpers/http.ts';
import { demoProseLines, markdownText } from '../helpers/markdown.ts';
import { readPdf } from '../helpers/pdf.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const TITLE = '示例市智慧城市顶层设计（2026—2030年）';
let server: TestServer;
let dsj: string;

function get(path: string, cookie: string) {
	return fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
}

/** The text of each paragraph of a DOCX, in document order. */
function docxParagraphs(bytes: Uint8Array): string[] {
	const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
	return xml
		.split('</w:p>')
		.map((p) =>
			[...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
				.map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
				.join('')
		)
		.filter(Boolean);
}

function indexOfParagraph(paragraphs: string[], text: string, from = 0): number {
	return paragraphs.findIndex((p, i) => i >= from && p === text);
}

beforeAll(async () => {
	server = await startServer();
	dsj = await login(server.url, 'dsj');
});

afterAll(async () => {
	await server?.stop();
});

describe('DOCX', () => {
	let paragraphs: string[];
	let response: Response;

	beforeAll(async () => {
		response = await get('/plans/1/export/docx?edition=full', dsj);
		expect(response.status).toBe(200);
		paragraphs = docxParagraphs(new Uint8Array(await response.arrayBuffer()));
	});

	it('is named in Chinese, RFC 5987 style', () => {
		expect(response.headers.get('content-type')).toContain('wordprocessingml');
		const disposition = response.headers.get('content-disposition') ?? '';
		const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
		expect(decodeURIComponent(encoded)).toBe(`《${TITLE}》设计报告（草稿）.docx`);
	});

	it('has the cover, a table of contents and every chapter and section title in order', () => {
		expect(paragraphs.slice(0, 3).join('')).toContain('示例市智慧城市顶层设计');
		expect(paragraphs).toContain('目　录');
		const chapters = [
			'第一章 需求分析',
			'第二章 总体设计',
			'第三章 架构设计',
			'第四章 实施路径规划'
		];
		// Each heading appears twice: in the table of contents, then in the body.
		const toc = paragraphs.indexOf('目　录');
		let at = toc;
		for (const chapter of chapters) {
			const found = paragraphs.findIndex((p, i) => i > at && p.startsWith(chapter));
			expect(found, chapter).toBeGreaterThan(at);
			at = found;
		}
		const bodyStart = paragraphs.findIndex((p, i) => i > at && p === chapters[0]);
		expect(bodyStart).toBeGreaterThan(at);
		at = bodyStart;
		const numbers = ['一', '二', '三', '四', '五', '六', '七'];
		for (const activity of ['requirements', 'overall', 'architecture', 'roadmap']) {
			TEMPLATES.filter((t) => t.activity === activity).forEach((t, i) => {
				const found = indexOfParagraph(paragraphs, `${numbers[i]}、${t.title}`, at);
				expect(found, t.title).toBeGreaterThan(at);
				at = found;
			});
		}
	});

	it('lists every key project of 9.1 in order, with the total', () => {
		const names = DEMO_SECTIONS.find((s) => s.clause === '9.1')!.blocks!.keyProjects!.map(
			(p) => p.name!
		);
		const table = paragraphs.findIndex((p) => /^表\d+\u3000重点工程$/.test(p));
		expect(table).toBeGreaterThan(0);
		let at = table;
		for (const name of names) {
			const found = indexOfParagraph(paragraphs, name, at);
			expect(found, name).toBeGreaterThan(at);
			at = found;
		}
		expect(indexOfParagraph(paragraphs, '合计', at)).toBeGreaterThan(at);
	});

	it('ends with the sign-off record and the 意见采纳情况说明 (暂无 for the draft)', () => {
		const signoff = paragraphs.lastIndexOf('附录A 签署记录');
		expect(signoff).toBeGreaterThan(paragraphs.indexOf('第四章 实施路径规划'));
		expect(paragraphs[signoff + 1]).toBe('暂无签署记录。');
		expect(paragraphs.lastIndexOf('附录B 意见采纳情况说明')).toBeGreaterThan(signoff);
	});

	it('states its conformance last: each required rule met or open, the demo’s gaps open', () => {
		const statement = paragraphs.lastIndexOf('附录C 符合性声明');
		expect(statement).toBeGreaterThan(paragraphs.lastIndexOf('附录B 意见采纳情况说明'));
		const after = paragraphs.slice(statement);
		// The seed's six deliberate gaps are all required rules, none waived in the draft.
		expect(after.some((p) => /^共 \d+ 项：满足 \d+ 项，豁免 0 项，未满足 6 项。$/.test(p))).toBe(
			true
		);
		expect(after).toContain('每个重点工程的资金筹措合计等于其资金估算');
	});

	it('makes the publication edition from the same content', async () => {
		const pub = await get('/plans/1/export/docx?edition=publication', dsj);
		expect(pub.status).toBe(200);
		const text = docxParagraphs(new Uint8Array(await pub.arrayBuffer()));
		for (const part of ['一、规划背景', '二、总体要求', '三、重点任务', '四、保障措施'])
			expect(text).toContain(part);
		expect(text).toContain('附件2 重点工程一览表');
	});
});

describe('Markdown and JSON', () => {
	it('round-trips every section’s prose text', async () => {
		const response = await get('/plans/1/export/md', dsj);
		expect(response.status).toBe(200);
		const text = markdownText(await response.text());
		for (const { where, line } of demoProseLines()) expect(text, where).toContain(line);
	});

	it('gives the raw structured data as JSON', async () => {
		const response = await get('/plans/1/export/json', dsj);
		expect(response.status).toBe(200);
		const data = (await response.json()) as {
			meta: { title: string; version: { kind: string } };
			sections: { clause: string; blocks: Record<string, { id: string }[]> }[];
		};
		expect(data.meta).toMatchObject({ title: TITLE, version: { kind: 'draft' } });
		expect(data.sections.map((s) => s.clause)).toEqual(TEMPLATES.map((t) => t.clause));
		expect(data.sections.find((s) => s.clause === '9.1')!.blocks.keyProjects.length).toBe(10);
	});
});

describe('PDF', () => {
	// The PDF is printed twice (its table of contents carries the pages of the first printing).
	it('has A4 pages and the cover title', { timeout: 120_000 }, async () => {
		const response = await get('/plans/1/export/pdf', dsj);
		expect(
			response.status,
			await response
				.clone()
				.text()
				.catch(() => '')
		).toBe(200);
		const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
		expect(pdf.pages.length).toBeGreaterThan(10);
		for (const page of pdf.pages) {
			expect(Math.abs(page.width - 595.28)).toBeLessThan(1);
			expect(Math.abs(page.height - 841.89)).toBeLessThan(1);
		}
		expect(pdf.title).toBe(TITLE);
		// What is printed, not only the metadata: the cover, then the chapters in the standard's order.
		const [cover, ...rest] = pdf.pages.map((p) => p.text);
		expect(cover).toContain(TITLE);
		expect(cover).toContain('设计报告');
		expect(cover).toContain('草稿');
		const body = rest.join('');
		const headings = ['第一章需求分析', '第二章总体设计', '第三章架构设计', '第四章实施路径规划'];
		const at = headings.map((h) => body.lastIndexOf(h)); // past the table of contents
		expect(at.every((i) => i > 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		expect(body).toContain('签署记录');
		expect(body).toContain('采纳情况说明');
	});

	it('is rendered from the print page, which shows the cover title', async () => {
		const response = await get('/plans/1/export/print?edition=full', dsj);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('<title>示例市智慧城市顶层设计（2026—2030年）</title>');
		expect(html).toContain('@page');
	});
});

describe('permissions', () => {
	it('refuses a participant the draft, in every format', async () => {
		const qiye = await login(server.url, 'qiye');
		for (const path of ['docx', 'pdf', 'md', 'json', 'print'])
			expect((await get(`/plans/1/export/${path}`, qiye)).status, path).toBe(403);
		const page = await get('/plans/1/export', qiye);
		expect(page.status).toBe(200);
		expect(await page.text()).not.toContain('data-format="docx"');
	});

	it('sends anonymous visitors to log in and rejects malformed requests', async () => {
		expect((await fetch(`${server.url}/plans/1/export/docx`, { redirect: 'manual' })).status).toBe(
			303
		);
		expect((await get('/plans/1/export/docx?edition=secret', dsj)).status).toBe(400);
		expect((await get('/plans/1/export/exe', dsj)).status).toBe(404);
	});
});

/**
 * Read-back checks on the exported files, as a print shop, an archive and a reader see them: the
 * PDF printed by the real Chromium and read with pdf.js, the DOCX unzipped and read as XML.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoModelInput } from '../../export/fixtures.ts';
import { buildExportModel } from '../../export/model.ts';
import { tocSections } from '../../export/html.ts';
import { headingText } from '../../export/markdown.ts';
import type { ExportDocument } from '../../export/types.ts';
import { renderDocx } from './docx.ts';
import { withChromium } from './pdf.ts';
import { headingPages, printPdf } from './print-pdf.ts';

const HASH = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
const input = {
	...demoModelInput(),
	version: {
		kind: 'compilation' as const,
		label: '定稿汇编',
		hash: HASH,
		at: '2026-12-05T16:30:00.000Z',
		activities: (['requirements', 'overall', 'architecture', 'roadmap'] as const).map(
			(activity, i) => ({
				activity,
				chapter: String(6 + i),
				title: ['需求分析', '总体设计', '架构设计', '实施路径规划'][i],
				label: '定稿（第1版）',
				hash: HASH
			})
		)
	},
	signoffs: [
		{
			name: '周市长',
			role: '审批领导',
			organization: '市人民政府',
			time: '2026-12-05T08:00:00.000Z',
			decision: '批准',
			comment: '同意按此方案组织实施，请各部门抓紧落实分工，按季度报送进展情况。',
			versionHash: HASH,
			subject: '报批稿（第3版）',
			activity: '需求分析'
		}
	],
	timeZone: 'Asia/Shanghai'
};

interface PageText {
	/** Text inside the margins, items joined. */
	body: string;
	/** Text in the page margins (page number, running header). */
	margin: string;
	items: string[];
	type3: boolean;
}

async function readPdf(bytes: Uint8Array): Promise<PageText[]> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = getDocument({
		data: new Uint8Array(bytes),
		fontExtraProperties: true,
		verbosity: 0
	});
	const pdf = await task.promise;
	const pages: PageText[] = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const page = await pdf.getPage(n);
		await page.getOperatorList();
		const [, bottom, , top] = page.view;
		const content = await page.getTextContent();
		const items = content.items.filter((i) => 'str' in i) as {
			str: string;
			transform: number[];
			fontName: string;
		}[];
		const inMargin = (y: number) => y <= bottom + 80 || y >= top - 80;
		let type3 = false;
		for (const item of items) {
			const font = page.commonObjs.has(item.fontName)
				? (page.commonObjs.get(item.fontName) as { isType3Font?: boolean })
				: null;
			if (font?.isType3Font) type3 = true;
		}
		pages.push({
			body: items
				.filter((i) => !inMargin(i.transform[5]))
				.map((i) => i.str)
				.join(''),
			margin: items
				.filter((i) => inMargin(i.transform[5]))
				.map((i) => i.str)
				.join(''),
			items: items.filter((i) => !inMargin(i.transform[5]) && i.str.trim()).map((i) => i.str),
			type3
		});
	}
	await task.destroy();
	return pages;
}

/** Each architecture diagram's numbered caption (图 n-m 总体架构图, …) stands in `text`. */
function expectDiagramCaptions(text: string) {
	for (const caption of [
		'总体架构图',
		'业务架构图',
		'应用架构图',
		'基础设施架构图',
		'需求—目标—工程—阶段追溯图'
	])
		expect(text).toMatch(new RegExp(`图 \\d+-\\d+\\s*${caption}`));
}

describe('the printed PDF', () => {
	let doc: ExportDocument;
	let bytes: Uint8Array;
	let pages: PageText[];
	beforeAll(async () => {
		doc = buildExportModel(input, { edition: 'full' });
		bytes = await withChromium((print) => printPdf(doc, print));
		pages = await readPdf(bytes);
	}, 180_000);

	it('numbers its table of contents with the pages the headings are printed on', async () => {
		const sections = tocSections(doc);
		const where = await headingPages(
			bytes,
			sections.map((s) => s.id)
		);
		const toc = pages
			.slice(1, 4)
			.map((p) => p.items.join('|'))
			.join('|');
		const first = where[sections[0].id];
		expect(first).toBeGreaterThan(2);
		for (const s of sections) {
			const page = where[s.id];
			expect(page, s.id).toBeGreaterThan(0);
			const printed = page - first + 1;
			// The TOC line: heading, (leader), number.
			expect(toc, s.id).toContain(`${headingText(s)}|${printed}|`);
			// The page it names shows that number in its margin and the heading in its text.
			expect(pages[page - 1].margin).toContain(`— ${printed} —`);
			expect(pages[page - 1].body.replace(/\s/g, '')).toContain(headingText(s).replace(/\s/g, ''));
		}
		// The cover and the table of contents carry no page number.
		for (const p of pages.slice(0, first - 1)) expect(p.margin).not.toMatch(/— \d+ —/);
	});

	it('embeds real (TrueType) text fonts only: no Type 3', () => {
		expect(pages.filter((p) => p.type3)).toEqual([]);
	});

	it('prints running text whole, without "…"', () => {
		expect(pages.map((p) => p.body).join('')).not.toContain('…');
	});

	it('prints the whole hash in every page margin and in the sign-off appendix', () => {
		for (const p of pages.slice(1)) expect(p.margin).toMatch(new RegExp(`摘要：${HASH}`));
		const appendix = pages.find((p) => p.body.includes('需求分析签署记录'))!;
		expect(appendix.body.replace(/\s/g, '')).toContain(HASH);
		// The 意见 column holds its words in lines, not a character a line.
		expect(appendix.items.some((i) => i.includes('同意按此方案'))).toBe(true);
	});

	it('keeps table captions and 单位 lines with their tables', () => {
		for (const [n, p] of pages.entries()) {
			const last = p.items.at(-1) ?? '';
			expect(last, `page ${n + 1}`).not.toMatch(/^表\d+/);
			expect(last, `page ${n + 1}`).not.toMatch(/^单位：/);
		}
		const note = pages.find((p) => p.items.includes('单位：万元'))!;
		const at = note.items.indexOf('单位：万元');
		// Above the table: its header row follows.
		expect(note.items.slice(at + 1, at + 4).join('')).toMatch(/^序/);
		expect(note.body).toMatch(/\d{1,3}(,\d{3})+/);
	});

	it('draws the architecture diagrams as vector figures with their captions', () => {
		const text = pages.map((p) => p.body).join('');
		expectDiagramCaptions(text);
		// The figures' words are text in the PDF (vector, searchable), not pixels.
		expect(text).toContain('城市大脑运行管理平台');
	});
});

describe('the DOCX', () => {
	let files: Record<string, Uint8Array>;
	beforeAll(async () => {
		const doc = buildExportModel(input, { edition: 'full' });
		files = unzipSync(await renderDocx(doc));
	}, 180_000);

	it('declares the 公文 fonts with their fallbacks', () => {
		const table = strFromU8(files['word/fontTable.xml']);
		const alt = (name: string) =>
			new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/>`).exec(table)?.[1];
		expect(alt('方正小标宋简体')).toBe('华文中宋');
		expect(alt('华文中宋')).toBe('宋体');
		expect(alt('仿宋_GB2312')).toBe('仿宋');
		expect(alt('楷体_GB2312')).toBe('楷体');
		expect(alt('黑体')).toBe('SimHei');
		// The title is set in 小标宋, 二号 (22 pt = 44 half-points).
		const xml = strFromU8(files['word/document.xml']);
		expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/>(<w:[^>]*\/>)*<w:sz w:val="44"\/>/);
	});

	it('carries the diagrams as PNG figures with their captions, and whole text', () => {
		const pngs = Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f));
		expect(pngs).toHaveLength(5);
		for (const f of pngs) expect([...files[f].subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
		const xml = strFromU8(files['word/document.xml']);
		const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
		expectDiagramCaptions(text);
		expect(text).not.toContain('…');
		expect(text).toContain(HASH);
		// Rows are never split across pages.
		expect(xml).toContain('<w:cantSplit/>');
	});
});

/**
 * Exporting frozen versions from the real server: the requirements activity is driven through the
 * workflow over HTTP form actions (publish, close, submit, two countersigns, two confirmations,
 * approval with the password), then its 定稿 and the 定稿汇编 are exported. The DOCX carries the
 * recorded hash on its cover and in its footer, the sign-off record lists the signatures bound to
 * that hash in order, participants export versions but not the draft, and after a reopening the
 * version still exports its frozen content while the draft shows the new text.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, eventually } from '../helpers/collab.ts';
import { testDatabase } from '../helpers/db.ts';
import { readPdf } from '../helpers/pdf.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';
import { walkToFinal, workflowActor } from '../helpers/sign-off.ts';

const ACCOUNTS = ['admin', 'dsj', 'reviewer', 'expert', 'leader', 'qiye', 'jumin'] as const;
type Account = (typeof ACCOUNTS)[number];
const { server, cookies } = serverPerFile(ACCOUNTS);
const A = 'requirements';
let final: { id: number; hash: string };

const { query } = testDatabase(() => server);

const act = workflowActor(
	() => server.url,
	(who) => cookies.get(who)!,
	A
);

function get(path: string, who: Account) {
	return fetch(`${server.url}${path}`, {
		headers: { cookie: cookies.get(who)! },
		redirect: 'manual'
	});
}

function unescapeXml(text: string): string {
	return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Paragraph texts of one part of a DOCX (word/document.xml, a header, a footer). */
function paragraphsOf(xml: string): string[] {
	return xml
		.split('</w:p>')
		.map((p) =>
			[...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('')
		)
		.filter(Boolean);
}

async function docx(path: string, who: Account = 'dsj') {
	const response = await get(path, who);
	expect(response.status, path).toBe(200);
	const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
	const part = (prefix: string) =>
		Object.keys(files)
			.filter((name) => name.startsWith(prefix))
			.flatMap((name) => paragraphsOf(strFromU8(files[name])));
	return {
		response,
		body: paragraphsOf(strFromU8(files['word/document.xml'])),
		headers: part('word/header'),
		footers: part('word/footer')
	};
}

/** The rows of the table following the caption `caption`, as arrays of cell texts. */
function tableAfter(paragraphs: string[], caption: string, columns: number): string[][] {
	const at = paragraphs.findIndex((p) => p.endsWith(caption));
	expect(at, caption).toBeGreaterThan(0);
	const cells = paragraphs.slice(at + 1 + columns); // skip the header row
	const rows: string[][] = [];
	for (let i = 0; i + columns <= cells.length; i += columns) {
		const row = cells.slice(i, i + columns);
		if (!/^[0-9a-f]{64}$/.test(row[columns - 1])) break;
		rows.push(row);
	}
	return rows;
}

beforeAll(async () => {
	await walkToFinal(act);
	final = query<{ id: number; hash: string }>(
		"SELECT id, hash FROM activity_versions WHERE activity = ? AND milestone = 'final'",
		A
	);
	expect(final.hash).toMatch(/^[0-9a-f]{64}$/);
});

describe('an approved version as DOCX', () => {
	let file: Awaited<ReturnType<typeof docx>>;
	beforeAll(async () => {
		file = await docx(`/plans/1/export/docx?version=v${final.id}`);
	});

	it('is named after the version and its hash', () => {
		const disposition = file.response.headers.get('content-disposition') ?? '';
		const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '');
		expect(name).toContain('需求分析·定稿（第4版）');
		expect(name).toContain(final.hash.slice(0, 8));
		expect(name).not.toContain('草稿');
	});

	it('carries the recorded hash on the cover and in the footer, and 草稿 nowhere', () => {
		const toc = file.body.indexOf('目　录');
		const cover = file.body.slice(0, toc);
		expect(cover).toContain(`SHA-256：${final.hash}`);
		expect(cover).toContain('版本：需求分析·定稿（第4版）');
		expect(cover.join('')).not.toContain('草稿');
		expect(file.footers).toContain(`版本摘要：${final.hash}`);
		expect(file.headers.join('')).toContain('需求分析·定稿（第4版）');
	});

	it('holds only its activity’s chapter, stamped with the version', () => {
		// Table of contents entries end with a tab before their page number.
		const chapters = file.body
			.filter((p) => /^第[一二三四]章 /.test(p))
			.map((p) => p.replace(/\t.*$/, ''));
		expect(new Set(chapters)).toEqual(new Set(['第一章 需求分析']));
		const heading = file.body.lastIndexOf('第一章 需求分析');
		expect(file.body[heading + 1]).toBe('本章版本：定稿（第4版）');
		expect(file.body[heading + 2]).toBe(`版本摘要：${final.hash}`);
	});

	it('ends with the sign-off record: the countersigns, confirmations and approval of that hash, in order', async () => {
		const signoff = file.body.lastIndexOf('附录A 签署记录');
		expect(signoff).toBeGreaterThan(0);
		const rows = tableAfter(file.body.slice(signoff), '需求分析签署记录', 7);
		const orgName = (username: string) =>
			query<{ name: string }>(
				'SELECT o.name FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.username = ?',
				username
			).name;
		expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[6]])).toEqual([
			['赵国平', '审核人', orgName('reviewer'), '会签同意', final.hash],
			['孙教授', '审核人', orgName('expert'), '会签同意', final.hash],
			['吴经理', '企业代表', orgName('qiye'), '确认参与', final.hash],
			['郑阿姨', '居民代表', orgName('jumin'), '确认参与', final.hash],
			['周市长', '审批领导', orgName('leader'), '批准', final.hash]
		]);
		// Times as officials write them, in order.
		// (The day and the time are on two lines of one cell.)
		for (const row of rows) expect(row[3]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}$/);
		expect(rows.slice(0, 4).every((r) => r[5] === '送审稿（第2版）')).toBe(true);
		expect(rows[4][5]).toBe('报批稿（第3版）');
	});
});

describe('the 定稿汇编', () => {
	it('stamps each activity’s 定稿 and marks the others 未定稿', async () => {
		const file = await docx('/plans/1/export/docx?version=approved');
		const cover = file.body.slice(0, file.body.indexOf('目　录'));
		expect(cover).toContain('版本：定稿汇编');
		expect(cover).toContain('需求分析：定稿（第4版）');
		expect(cover).toContain(`SHA-256：${final.hash}`);
		for (const other of ['总体设计', '架构设计', '实施路径规划'])
			expect(cover).toContain(`${other}：未定稿`);
		expect(cover).toContain('汇编摘要：');
		const second = file.body.lastIndexOf('第二章 总体设计');
		expect(file.body.slice(second + 1, second + 3)).toEqual([
			'本章版本：未定稿',
			'本章尚未定稿，未收入本汇编。'
		]);
		expect(file.footers.some((f) => f.startsWith('汇编摘要：'))).toBe(true);
	});

	// The PDF is printed twice (its table of contents carries the pages of the first printing).
	it('is printable as PDF, A4, with the hash in the print page', { timeout: 120_000 }, async () => {
		const html = await (await get('/plans/1/export/print?version=approved', 'dsj')).text();
		expect(html).toContain(final.hash);
		expect(html).toContain('汇编摘要');
		expect(html).not.toContain('本稿为编制中的草稿');
		const response = await get(`/plans/1/export/pdf?version=v${final.id}`, 'dsj');
		expect(response.status).toBe(200);
		const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
		expect(pdf.pages.length).toBeGreaterThan(2);
		const { width, height, text } = pdf.pages[0];
		expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
		expect(text).toContain('示例市智慧城市顶层设计');
		expect(text).toContain(final.hash); // the cover is stamped with the version's hash
	});
});

describe('who may export what', () => {
	it('lets a participant export versions but never the draft', async () => {
		for (const who of ['qiye', 'jumin'] as const) {
			expect((await get(`/plans/1/export/docx?version=v${final.id}`, who)).status).toBe(200);
			expect((await get('/plans/1/export/md?version=approved', who)).status).toBe(200);
			expect((await get('/plans/1/export/docx?version=draft', who)).status).toBe(403);
			expect((await get('/plans/1/export/docx', who)).status).toBe(403);
		}
		const page = await (await get('/plans/1/export', 'qiye')).text();
		expect(page).toContain('data-format="docx"');
		expect(page).toContain('value="approved"');
		expect(page).toContain(`value="v${final.id}"`);
		expect(page).not.toContain('value="draft"');
		// The version page links to exporting it, and the export page preselects it.
		const versionPage = await (await get(`/plans/1/versions/${final.id}`, 'qiye')).text();
		expect(versionPage).toContain(`/plans/1/export?version=v${final.id}`);
		const preselected = await (await get(`/plans/1/export?version=v${final.id}`, 'qiye')).text();
		expect(preselected).toMatch(new RegExp(`<option value="v${final.id}" selected`));
	});

	it('does not find versions that do not exist', async () => {
		expect((await get('/plans/1/export/docx?version=v999999', 'dsj')).status).toBe(404);
		expect((await get('/plans/1/export/docx?version=final', 'dsj')).status).toBe(400);
	});

	it('gives the draft every sign-off record so far', async () => {
		const file = await docx('/plans/1/export/docx');
		const signoff = file.body.lastIndexOf('附录A 签署记录');
		expect(file.body[signoff + 1]).not.toBe('暂无签署记录。');
		expect(tableAfter(file.body.slice(signoff), '需求分析签署记录', 7)).toHaveLength(5);
	});
});

describe('after a reopening', () => {
	it('the version still exports what was signed, the draft the new text', async () => {
		await act('admin', 'reopen', [['reason', '需求分析需补充']]);
		const added = '重开后补充的居民出行需求分析。';
		const editor = connect(server.url, cookies.get('dsj')!, 'plan/1/section/6.3');
		try {
			await eventually(() => expect(editor.provider.authorizedScope).toBe('read-write'));
			await eventually(() => expect(editor.provider.isSynced).toBe(true));
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(added)]);
			const body = editor.doc.getXmlFragment('body');
			body.insert(body.length, [paragraph]);
			await eventually(async () =>
				expect(await (await get('/plans/1/export/md', 'dsj')).text()).toContain(added)
			);
		} finally {
			editor.destroy();
		}
		const frozen = await (await get(`/plans/1/export/md?version=v${final.id}`, 'dsj')).text();
		expect(frozen).toContain(final.hash);
		expect(frozen).toContain('已被取代');
		expect(frozen).not.toContain(added);
		// No current 定稿 any more: no 定稿汇编.
		expect((await get('/plans/1/export/md?version=approved', 'dsj')).status).toBe(404);
	});
});

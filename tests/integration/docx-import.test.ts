/**
 * Word files in and out of a section against the real server: an expert (reads 9.1, does not own
 * it) imports a file with tracked changes and a comment as suggestions — a connected editor sees it
 * live, the suggestions carry their Word authors, the comment is a thread on its words, and the
 * draft's DOCX with 保留修订 lists them as w:ins / w:del; the owner inserts a file directly; hostile
 * files and people without the right are refused and nothing changes.
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText } from '../../src/lib/collab/section-doc.ts';
import { parseSuggestionId } from '../../src/lib/suggestions/ids.ts';
import { pngHeaderOnly, pngImage } from '../../src/lib/server/images/fixtures.ts';
import { libraryDocx, handWrittenDocx, picturedDocx, revisedDocx } from '../helpers/docx-files.ts';
import { testDatabase } from '../helpers/db.ts';
import { connect, eventually, type TestProvider } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
const cookies: Record<string, string> = {};
const DOC = 'plan/1/section/9.1';

const { query } = testDatabase(() => server);
const latest = () =>
	query<{ id: number | null }>('SELECT max(id) AS id FROM document_updates WHERE name = ?', DOC).id;

interface Answer {
	code?: string;
	message?: string;
	modes?: string[];
	preview?: { revisions: unknown[] };
	result?: {
		blocks: number;
		suggestions: number;
		comments: number;
		images: number;
		imagesSkipped: number;
	};
}

/** Who proposed each pending suggestion of a section's body: a user id, or Word's name (user 0). */
function proposers(doc: Y.Doc): string[] {
	const ids = new Set<string>();
	const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook) => {
		if (node instanceof Y.XmlText) {
			for (const op of node.toDelta() as { attributes?: Record<string, { id: string }> }[])
				for (const name of ['insertion', 'deletion'])
					if (op.attributes?.[name]) ids.add(`${name}|${op.attributes[name].id}`);
		} else if (!(node instanceof Y.XmlHook)) node.toArray().forEach(walk);
	};
	walk(doc.getXmlFragment('body'));
	return [...ids]
		.map((key) => {
			const [kind, id] = key.split('|');
			const by = parseSuggestionId(id);
			return `${kind}:${by?.userId ? `user${by.userId}` : by?.name}`;
		})
		.sort();
}

const userId = (username: string) =>
	query<{ id: number }>('SELECT id FROM users WHERE username = ?', username).id;

/** A Word file posted to an import endpoint as the browser's file picker sends it; the JSON answer. */
async function postFile<T>(user: string, path: string, bytes: Uint8Array) {
	const response = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			accept: 'application/json',
			'content-type': 'application/octet-stream',
			origin: server.url,
			cookie: cookies[user]
		},
		body: bytes.slice()
	});
	return { status: response.status, json: (await response.json()) as T };
}

const upload = (user: string, mode: string, bytes: Uint8Array, clause = '9.1') =>
	postFile<Answer>(user, `/api/plans/1/sections/${clause}/import?mode=${mode}`, bytes);

async function draftFile(user: string, revisions: boolean): Promise<Uint8Array> {
	const response = await fetch(
		`${server.url}/plans/1/export/docx?version=draft${revisions ? '&revisions=1' : ''}`,
		{ headers: { cookie: cookies[user] } }
	);
	expect(response.status).toBe(200);
	return new Uint8Array(await response.arrayBuffer());
}

async function draftDocx(user: string, revisions: boolean): Promise<string> {
	return strFromU8(unzipSync(await draftFile(user, revisions))['word/document.xml']);
}

const authors = (xml: string, tag: string) =>
	[...xml.matchAll(new RegExp(`<${tag} [^>]*w:author="([^"]*)"`, 'g'))].map((m) => m[1]);

beforeAll(async () => {
	server = await startServer();
	for (const user of ['admin', 'dsj', 'expert', 'qiye'])
		cookies[user] = await login(server.url, user);
});
afterAll(async () => {
	await server?.stop();
});

describe('DOCX import into a section', () => {
	const providers: TestProvider[] = [];
	afterAll(() => providers.forEach((p) => p.destroy()));

	it('refuses hostile files and people without the right, changing nothing', async () => {
		const before = latest();
		const cfb = new Uint8Array(2048);
		cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		const encrypted = await upload('dsj', 'direct', cfb);
		expect(encrypted.status).toBe(422);
		expect(encrypted.json.code).toBe('encrypted');
		expect(encrypted.json.message).toContain('加密');
		const docm = handWrittenDocx('<w:p><w:r><w:t>宏</w:t></w:r></w:p>', {
			extra: { 'word/vbaProject.bin': new Uint8Array(32) }
		});
		expect((await upload('dsj', 'direct', docm)).json.code).toBe('macros');
		const broken = await upload('dsj', 'preview', new TextEncoder().encode('PK\u0003\u0004broken'));
		expect(broken.json.code).toBe('malformed');
		// An expert may only propose; a participant may not import at all.
		expect((await upload('expert', 'direct', revisedDocx())).status).toBe(403);
		expect((await upload('qiye', 'suggest', revisedDocx())).status).toBe(403);
		const noMode = await upload('dsj', 'replace', revisedDocx());
		expect(noMode.status).toBe(400);
		expect(latest()).toBe(before);
	});

	it('previews a file, then lands it as suggestions a connected editor sees live, with its comment', async () => {
		const editor = connect(server.url, cookies.dsj, DOC);
		providers.push(editor);
		await eventually(() => expect(editor.provider.isSynced).toBe(true));

		const preview = await upload('expert', 'preview', revisedDocx());
		expect(preview.status).toBe(200);
		expect(preview.json.modes).toEqual(['suggest']);
		expect(preview.json.preview?.revisions).toEqual([
			{ author: '张伟', insertions: 2, deletions: 0, formats: 0 },
			{ author: '李娜', insertions: 0, deletions: 1, formats: 0 }
		]);

		const imported = await upload('expert', 'suggest', revisedDocx());
		expect(imported.status).toBe(200);
		// Word's three revisions, and the expert's insertion of the first paragraph's other words.
		expect(imported.json.result).toEqual({
			blocks: 2,
			suggestions: 4,
			comments: 1,
			images: 0,
			imagesSkipped: 0
		});

		await eventually(() =>
			expect(fragmentText(editor.doc.getXmlFragment('body'))).toContain('推进政务数据全面共享开放')
		);
		// Word's authors are not members: their names travel in the suggestion ids.
		expect(proposers(editor.doc)).toEqual(
			[
				`insertion:user${userId('expert')}`,
				'insertion:张伟',
				'insertion:张伟',
				'deletion:李娜'
			].sort()
		);

		const threads = await fetch(`${server.url}/api/plans/1/sections/9.1/comments`, {
			headers: { cookie: cookies.dsj, accept: 'application/json' }
		}).then(
			(r) => r.json() as Promise<{ threads: { quote: string; comments: { body: string }[] }[] }>
		);
		const thread = threads.threads.find((t) => t.quote === '共享开放');
		expect(thread?.comments[0].body).toContain('王强');
		expect(thread?.comments[0].body).toContain('请补充开放目录。');

		// The draft's DOCX keeps them as Word revisions (保留修订), by the same authors.
		const kept = await draftDocx('dsj', true);
		expect(authors(kept, 'w:ins').filter((a) => a === '张伟')).toHaveLength(2);
		expect(authors(kept, 'w:del')).toContain('李娜');
		expect(authors(kept, 'w:ins')).toContain('孙教授');
		// Without it, the owners' text: none of the proposed words.
		const clean = await draftDocx('dsj', false);
		expect(clean).not.toContain('<w:ins ');
		expect(clean).not.toContain('新增一句。');
	}, 90_000);

	it('brings the same suggestions back from its own DOCX export with revisions', async () => {
		const owner = connect(server.url, cookies.dsj, 'plan/1/section/9.2');
		providers.push(owner);
		await eventually(() => expect(owner.provider.isSynced).toBe(true));
		const before = proposers(owner.doc).length;
		const imported = await upload('dsj', 'direct', await draftFile('dsj', true), '9.2');
		expect(imported.status).toBe(200);
		expect(imported.json.result?.suggestions).toBe(4);
		// The expert is a member, so their revision is theirs again, not a name.
		await eventually(() => expect(proposers(owner.doc)).toHaveLength(before + 4));
		expect(proposers(owner.doc)).toEqual(
			expect.arrayContaining([
				`insertion:user${userId('expert')}`,
				'insertion:张伟',
				'deletion:李娜'
			])
		);
	});

	it('lets the owning department insert a file straight into the text', async () => {
		const imported = await upload('dsj', 'direct', await libraryDocx());
		expect(imported.status).toBe(200);
		expect(imported.json.result?.suggestions).toBe(0);
		const clean = await draftDocx('admin', false);
		expect(clean).toContain('建设一网统管平台');
		expect(clean).toContain('数据底座');
	});

	it('keeps pictures as the plan’s figures: suggested pictures as suggestions, direct ones plain', async () => {
		const good = new Uint8Array(pngImage(12, 8));
		const file = await picturedDocx({ good, bomb: new Uint8Array(pngHeaderOnly(20_000, 20_000)) });
		const hash = createHash('sha256').update(good).digest('hex');
		const stored = () =>
			query<{ n: number }>(
				'SELECT count(*) AS n FROM plan_images WHERE plan_id = 1 AND hash = ?',
				hash
			).n;
		// The picture used twice is one image; the 20000 × 20000 one is refused by the image module.
		const suggested = await upload('expert', 'suggest', file, '8.2');
		expect(suggested.status).toBe(200);
		expect(suggested.json.result).toMatchObject({ images: 2, imagesSkipped: 1 });
		expect(stored()).toBe(1);
		const direct = await upload('dsj', 'direct', file, '8.2');
		expect(direct.status).toBe(200);
		expect(direct.json.result).toMatchObject({ images: 2, imagesSkipped: 1 });
		expect(stored()).toBe(1);
		const viewer = connect(server.url, cookies.admin, 'plan/1/section/8.2');
		try {
			await eventually(() => expect(viewer.provider.isSynced).toBe(true), 10_000);
			const figures = viewer.doc
				.getXmlFragment('body')
				.toArray()
				.filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'figure');
			const suggestion = (f: Y.XmlElement) => {
				const value = f.getAttribute('suggestion') as unknown;
				if (typeof value !== 'string') return null;
				const [kind, id] = value.split(' ');
				return `${kind}:${parseSuggestionId(id)?.userId}`;
			};
			// The expert's two suggested pictures (theirs to propose, the owners' to decide), then
			// the owner's two direct ones.
			expect(
				figures.map((f) => [f.getAttribute('src'), f.getAttribute('alt'), suggestion(f)])
			).toEqual([
				[hash, '城市数据底座架构图', `insert:${userId('expert')}`],
				[hash, '部署示意图', `insert:${userId('expert')}`],
				[hash, '城市数据底座架构图', null],
				[hash, '部署示意图', null]
			]);
		} finally {
			viewer.destroy();
		}
	});

	it('imports a whole plan: headings matched to sections, the mapping corrected, owned parts direct', async () => {
		const plan = (user: string, query: string, bytes: Uint8Array) =>
			postFile<Record<string, unknown>>(user, `/api/plans/1/import?${query}`, bytes);
		const file = await draftFile('admin', false);
		expect((await plan('qiye', 'mode=preview', file)).status).toBe(403);
		const preview = await plan('dsj', 'mode=preview', file);
		expect(preview.status).toBe(200);
		const parts = preview.json.parts as { heading: string; guess: string | null }[];
		const guesses = parts.map((p) => p.guess).filter(Boolean);
		expect(guesses).toContain('6.1');
		expect(guesses).toContain('9.4');
		// The importer corrects the mapping: only 6.1 (fgw's) and 6.3 (dsj's own), the rest left out.
		const map = parts.map((p) => (p.guess === '6.1' || p.guess === '6.3' ? p.guess : null));
		expect(
			(
				await plan(
					'dsj',
					`mode=owned&map=${encodeURIComponent(JSON.stringify(map.slice(1)))}`,
					file
				)
			).status
		).toBe(400);
		const landed = await plan(
			'dsj',
			`mode=owned&map=${encodeURIComponent(JSON.stringify(map))}`,
			file
		);
		expect(landed.status).toBe(200);
		const results = landed.json.results as { clause: string; mode: string; blocks: number }[];
		// (The round trip above put a copy of the whole plan into 9.2, so 6.1 and 6.3 may come twice.)
		expect(new Set(results.map((r) => `${r.clause} ${r.mode}`))).toEqual(
			new Set(['6.1 suggest', '6.3 direct'])
		);
		expect(results.every((r) => r.blocks > 0)).toBe(true);
	}, 90_000);
});

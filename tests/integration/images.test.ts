/**
 * Images against the real server: an editor of the section uploads, readers of the draft get the
 * bytes with nosniff, a closed CSP and hash caching; everyone else is refused (403, or 401 without
 * a session); hostile files get a 4xx with a clear message and a log line; a stored row altered on
 * disk is never served; a participant sees an image once a frozen version shows it.
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	gifImage,
	jpegImage,
	pngHeaderOnly,
	pngImage,
	polyglotImage,
	svgImage,
	webpImage
} from '../../src/lib/server/images/fixtures.ts';
import { connect, eventually } from '../helpers/collab.ts';
import { testDatabase } from '../helpers/db.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { SIGN_OFF_POLICY, workflowActor } from '../helpers/sign-off.ts';
import { imagesOfPayload } from '../../src/lib/server/images/access.ts';

let server: TestServer;
const cookies: Record<string, string> = {};
const db = testDatabase(() => server);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function upload(who: string, bytes: Uint8Array, clause = '6.3') {
	const response = await fetch(`${server.url}/api/plans/1/sections/${clause}/images`, {
		method: 'POST',
		headers: {
			origin: server.url,
			cookie: cookies[who] ?? '',
			'content-type': 'application/octet-stream'
		},
		body: new Uint8Array(bytes)
	});
	const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	return { status: response.status, json };
}

function get(who: string | null, hash: string) {
	return fetch(`${server.url}/api/plans/1/images/${hash}`, {
		headers: who ? { cookie: cookies[who] } : {},
		redirect: 'manual'
	});
}

beforeAll(async () => {
	server = await startServer();
	for (const who of ['admin', 'dsj', 'fgw', 'reviewer', 'jumin', 'qiye', 'expert', 'leader'])
		cookies[who] = await login(server.url, who);
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe('upload and serve', () => {
	it('keeps an editor’s image under its SHA-256 and serves it to draft readers', async () => {
		const png = pngImage(40, 20);
		const { status, json } = await upload('dsj', png);
		expect(status).toBe(201);
		expect(json).toMatchObject({ hash: sha256(png), mime: 'image/png', width: 40, height: 20 });
		// The same bytes again are the same image.
		expect((await upload('dsj', png)).json.hash).toBe(sha256(png));

		for (const who of ['dsj', 'fgw', 'reviewer', 'leader']) {
			const response = await get(who, sha256(png));
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('image/png');
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
			expect(response.headers.get('cache-control')).toContain('immutable');
			expect(response.headers.get('etag')).toBe(`"${sha256(png)}"`);
			expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
		}
		const again = await fetch(`${server.url}/api/plans/1/images/${sha256(png)}`, {
			headers: { cookie: cookies.dsj, 'if-none-match': `"${sha256(png)}"` }
		});
		expect(again.status).toBe(304);
	});

	it('accepts GIF, JPEG and WebP by content, whatever the request says', async () => {
		for (const [bytes, mime] of [
			[gifImage(), 'image/gif'],
			[jpegImage(), 'image/jpeg'],
			[webpImage(), 'image/webp']
		] as const) {
			const { status, json } = await upload('dsj', bytes);
			expect({ status, mime: json.mime }).toEqual({ status: 201, mime });
			expect((await get('fgw', String(json.hash))).headers.get('content-type')).toBe(mime);
		}
	});

	it('refuses those who may neither write nor suggest, and readers outside the draft', async () => {
		const refused = await upload('jumin', pngImage(2, 2));
		expect(refused.status).toBe(403);
		expect(refused.json.code).toBe('image-forbidden');
		expect(String(refused.json.message)).toContain('没有编辑本章节的权限');
		// Another department's editor suggests on the section (修订): a suggested picture's bytes.
		expect((await upload('fgw', pngImage(2, 2))).status).toBe(201);

		const png = pngImage(3, 3, [200, 10, 10]);
		expect((await upload('dsj', png)).status).toBe(201);
		// A resident reads only frozen versions; this image is in none.
		expect((await get('jumin', sha256(png))).status).toBe(403);
		expect((await get('qiye', sha256(png))).status).toBe(403);
		expect((await get(null, sha256(png))).status).toBe(401);
		// Not a hash, or no such image.
		expect((await get('dsj', 'abc')).status).toBe(404);
		expect((await get('dsj', '0'.repeat(64))).status).toBe(404);
		// The server's log reaches its output a moment after the response on a loaded machine.
		await eventually(() => expect(server.output()).toContain('image read refused'));
	});
});

describe('hostile files', () => {
	it('gets a 4xx with a message in Chinese and a log line for each', async () => {
		const png = pngImage(30, 30);
		const cases: [Uint8Array, number, string, string][] = [
			[svgImage(), 415, 'image-svg', 'SVG'],
			[polyglotImage(), 415, 'image-trailing-data', '不属于图片'],
			[png.subarray(0, png.length - 30), 415, 'image-truncated', '不完整'],
			[pngHeaderOnly(20_000, 200), 415, 'image-dimensions', '10000 像素'],
			[pngHeaderOnly(9000, 9000), 415, 'image-too-many-pixels', '百万像素'],
			[Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj'), 415, 'image-type', 'PNG、JPEG、WebP 或 GIF'],
			[Buffer.from('GIF89a<script>alert(1)</script>'), 415, 'image-truncated', '不完整'],
			[new Uint8Array(10 * 1024 * 1024 + 1), 413, 'image-too-large', '10 MB']
		];
		for (const [bytes, status, code, words] of cases) {
			const result = await upload('dsj', bytes);
			expect({ code, status: result.status, got: result.json.code }).toEqual({
				code,
				status,
				got: code
			});
			expect(String(result.json.message)).toContain(words);
		}
		const stored = db.query<{ n: number }>('SELECT count(*) AS n FROM plan_images');
		// Five from dsj, one from fgw's suggested picture (above).
		expect(stored.n).toBe(6);
		expect(server.output()).toContain('image upload refused');
	});
});

describe('verified on read', () => {
	it('refuses to serve a row whose bytes no longer match their hash', async () => {
		const png = pngImage(5, 5, [0, 200, 0]);
		expect((await upload('dsj', png)).status).toBe(201);
		const altered = Buffer.from(png);
		altered[altered.length - 20] ^= 0xff;
		db.write('UPDATE plan_images SET bytes = ? WHERE hash = ?', altered, sha256(png));
		expect((await get('dsj', sha256(png))).status).toBe(500);
		const audit = db.query<{ n: number }>(
			"SELECT count(*) AS n FROM audit_log WHERE action = 'integrity.failed' AND target = ?",
			`image:${sha256(png)}`
		);
		expect(audit.n).toBeGreaterThan(0);
	});
});

describe('participants and frozen versions', () => {
	it('shows a resident the figures of the published 征求意见稿, and no others', async () => {
		const shown = pngImage(12, 8, [10, 10, 120]);
		const hidden = pngImage(12, 8, [120, 10, 10]);
		const shownHash = String((await upload('dsj', shown)).json.hash);
		const hiddenHash = String((await upload('dsj', hidden)).json.hash);
		const writer = connect(server.url, cookies.dsj, 'plan/1/section/6.3');
		try {
			await eventually(() => expect(writer.provider.isSynced).toBe(true));
			const figure = new Y.XmlElement('figure');
			figure.setAttribute('id', 'fig-resident');
			figure.setAttribute('src', shownHash);
			figure.setAttribute('caption', '数据共享现状');
			figure.setAttribute('alt', '各部门数据共享情况');
			figure.setAttribute('width', 50 as unknown as string);
			const body = writer.doc.getXmlFragment('body');
			body.insert(body.length, [figure]);
			await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
			// Published with the writer still connected: closing it first unloads the document, and
			// the compactor's snapshot write can race the freeze's transaction (SQLITE_BUSY_SNAPSHOT
			// from workflow/service.ts; reported to the lead).
			// With a public link, so the public reader below can read the same figures.
			const act = workflowActor(
				() => server.url,
				(who) => cookies[who],
				'requirements'
			);
			await act('admin', 'policy', SIGN_OFF_POLICY);
			await act('admin', 'publish', [
				['configured', '1'],
				['groups', 'enterprise'],
				['groups', 'residents'],
				['days', '30'],
				['publicLink', 'on']
			]);
		} finally {
			writer.destroy();
		}
		expect((await get('jumin', shownHash)).status).toBe(200);
		expect((await get('qiye', shownHash)).status).toBe(200);
		expect((await get('jumin', hiddenHash)).status).toBe(403);

		// The round's page shows the resident the frozen figure with its number and caption, as the
		// version's own export numbers it (a version is a document of one chapter: 图 1-1).
		const round = db.query<{ id: number }>(
			"SELECT id FROM consultation_rounds WHERE plan_id = 1 AND activity = 'requirements' ORDER BY id DESC"
		);
		const page = await fetch(`${server.url}/plans/1/rounds/${round.id}`, {
			headers: { cookie: cookies.jumin, accept: 'text/html' }
		});
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`src="/api/plans/1/images/${shownHash}"`);
		expect(html).toContain('alt="各部门数据共享情况"');
		expect(html).toMatch(/图 1-1<\/span>\s*数据共享现状/);
	});

	it('serves the round’s figures to holders of its public link, and nothing else', async () => {
		const round = db.query<{ public_token: string; version_id: number }>(
			"SELECT public_token, version_id FROM consultation_rounds WHERE plan_id = 1 AND activity = 'requirements' ORDER BY id DESC"
		);
		expect(round.public_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
		const base = `${server.url}/consult/${round.public_token}`;
		const shown = pngImage(12, 8, [10, 10, 120]);
		const hidden = pngImage(12, 8, [120, 10, 10]);

		// No session: the page shows the figure with its number and caption, read from the link's route.
		const page = await fetch(base, { headers: { accept: 'text/html' } });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`src="/consult/${round.public_token}/images/${sha256(shown)}"`);
		expect(html).toMatch(/图 1-1<\/span>\s*数据共享现状/);

		const image = await fetch(`${base}/images/${sha256(shown)}`);
		expect(image.status).toBe(200);
		expect(sha256(new Uint8Array(await image.arrayBuffer()))).toBe(sha256(shown));
		expect(image.headers.get('content-type')).toBe('image/png');
		expect(image.headers.get('x-content-type-options')).toBe('nosniff');
		expect(image.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(image.headers.get('cache-control')).toContain('private');
		const again = await fetch(`${base}/images/${sha256(shown)}`, {
			headers: { 'if-none-match': `"${sha256(shown)}"` }
		});
		expect(again.status).toBe(304);

		// An image of the plan the version does not show, a hash of nothing, a malformed hash, a
		// wrong token: all 404, the same answer as for a page that does not exist.
		expect((await fetch(`${base}/images/${sha256(hidden)}`)).status).toBe(404);
		expect((await fetch(`${base}/images/${'0'.repeat(64)}`)).status).toBe(404);
		expect((await fetch(`${base}/images/not-a-hash`)).status).toBe(404);
		const wrong = `${server.url}/consult/${'x'.repeat(32)}/images/${sha256(shown)}`;
		expect((await fetch(wrong)).status).toBe(404);
		expect((await fetch(`${server.url}/consult/short/images/${sha256(shown)}`)).status).toBe(404);
	});
});

/** Each page's text (whitespace removed) and whether it paints an image, read by pdf.js. */
async function pdfPages(bytes: Uint8Array): Promise<{ text: string; images: number }[]> {
	const task = getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 });
	const pdf = await task.promise;
	try {
		const pages: { text: string; images: number }[] = [];
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const content = await page.getTextContent();
			const text = content.items
				.map((item) => ('str' in item ? item.str : ''))
				.join('')
				.replace(/\s+/gu, '');
			const ops = await page.getOperatorList();
			const images = ops.fnArray.filter(
				(fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject
			).length;
			pages.push({ text, images });
		}
		return pages;
	} finally {
		await task.destroy();
	}
}

describe('exports and versions (after the figure above was written to 6.3 and frozen)', () => {
	const exportOf = (path: string) =>
		fetch(`${server.url}/plans/1/export/${path}`, { headers: { cookie: cookies.dsj } });
	const frozenHash = () =>
		db.query<{ hash: string }>(
			"SELECT hash FROM activity_versions WHERE plan_id = 1 AND activity = 'requirements' ORDER BY id DESC"
		).hash;
	const shownHash = () => sha256(pngImage(12, 8, [10, 10, 120]));

	it('the frozen version’s hash covers the image: its payload names the image by its SHA-256', () => {
		const payload = db.query<{ payload: string }>(
			'SELECT payload FROM version_contents WHERE hash = ?',
			frozenHash()
		).payload;
		expect(createHash('sha256').update(payload, 'utf8').digest('hex')).toBe(frozenHash());
		expect([...imagesOfPayload(payload)]).toEqual([shownHash()]);
	});

	it('DOCX: the picture in word/media, its caption numbered in the text', async () => {
		const response = await exportOf('docx?edition=full&numbering=standard');
		expect(response.status).toBe(200);
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const png = pngImage(12, 8, [10, 10, 120]);
		expect(
			Object.entries(files).some(
				([name, bytes]) => name.startsWith('word/media/') && Buffer.from(bytes).equals(png)
			)
		).toBe(true);
		const text = strFromU8(files['word/document.xml']).replace(/<[^>]+>/g, '');
		expect(text).toContain('图 6-1\u3000数据共享现状');
	}, 120_000); // the first export starts the worker thread: slow on a loaded machine

	it('PDF: the page with the caption paints the image', async () => {
		const response = await exportOf('pdf?edition=full&numbering=standard');
		expect(response.status).toBe(200);
		const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
		const captioned = pages.filter((p) => p.text.includes('图6-1数据共享现状'));
		expect(captioned.length).toBe(1);
		expect(captioned[0].images).toBeGreaterThan(0);
	}, 120_000);

	it('Markdown: a zip of the text and the image file', async () => {
		const response = await exportOf('md');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		expect(response.headers.get('content-disposition')).toContain('.zip');
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		expect(
			Buffer.from(files[`images/${shownHash()}.png`]).equals(pngImage(12, 8, [10, 10, 120]))
		).toBe(true);
		const markdown = Object.entries(files).find(([name]) => name.endsWith('.md'))!;
		expect(strFromU8(markdown[1])).toContain(`![各部门数据共享情况](images/${shownHash()}.png)`);
	});

	it('a frozen version’s export shows the figure too, read from the version', async () => {
		const id = db.query<{ id: number }>(
			"SELECT id FROM activity_versions WHERE plan_id = 1 AND activity = 'requirements' ORDER BY id DESC"
		).id;
		const response = await fetch(
			`${server.url}/plans/1/export/docx?version=v${id}&numbering=standard`,
			{
				headers: { cookie: cookies.jumin }
			}
		);
		expect(response.status).toBe(200);
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		expect(Object.keys(files).some((name) => name.startsWith('word/media/'))).toBe(true);
		// The version's page shows it too, numbered as the version's export in the plan numbering.
		const page = await fetch(`${server.url}/plans/1/versions/${id}`, {
			headers: { cookie: cookies.jumin, accept: 'text/html' }
		});
		const html = await page.text();
		expect(html).toContain(`src="/api/plans/1/images/${shownHash()}"`);
		expect(html).toMatch(/图 1-1<\/span>\s*数据共享现状/);
		expect(strFromU8(files['word/document.xml']).replace(/<[^>]+>/g, '')).toContain(
			'图 6-1\u3000数据共享现状'
		);
	});
});

/**
 * Issue 11, item 10 (defence in depth) against the real server: the CSP of pages and of the print
 * view, the Origin check of the JSON APIs, and a `javascript:` link written straight into Yjs (not
 * through the editor's paste sanitising) reaching no export as a live link.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../src/lib/editor/fragments.ts';
import { connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let fgw: string;

beforeAll(async () => {
	server = await startServer();
	fgw = await login(server.url, 'fgw');
});
afterAll(async () => {
	await server?.stop('SIGKILL');
});

function directives(header: string | null): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const part of (header ?? '').split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) map.set(name, values);
	}
	return map;
}

describe('Content-Security-Policy', () => {
	it('puts a strict policy with a per-response nonce on every page, and the nonce on every inline script', async () => {
		const nonces = new Set<string>();
		for (const [path, cookie] of [
			['/login', ''],
			['/', fgw],
			['/plans/1/sections/9.1', fgw]
		]) {
			const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
			expect(response.status, path).toBe(200);
			const csp = directives(response.headers.get('content-security-policy'));
			const scripts = csp.get('script-src') ?? [];
			expect(scripts, path).toContain("'self'");
			expect(scripts, path).not.toContain("'unsafe-inline'");
			expect(scripts, path).not.toContain("'unsafe-eval'");
			const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
			expect(nonce, path).toBeTruthy();
			nonces.add(nonce!);
			expect(csp.get('object-src')).toEqual(["'none'"]);
			expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
			expect(csp.get('connect-src')).toEqual(["'self'"]); // same-origin ws/wss for /collab
			const html = await response.text();
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
			expect(inline.length, path).toBeGreaterThan(0);
			for (const [, attributes] of inline) expect(attributes, path).toContain(`nonce="${nonce}"`);
		}
		expect(nonces.size).toBe(3); // fresh per response
	});

	it('lets the print view of an export run nothing', async () => {
		const response = await fetch(`${server.url}/plans/1/export/print`, {
			headers: { cookie: fgw }
		});
		expect(response.status).toBe(200);
		const csp = directives(response.headers.get('content-security-policy'));
		expect(csp.get('default-src')).toEqual(["'none'"]);
		expect(csp.get('script-src')).toBeUndefined();
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

describe('Origin check of state-changing APIs', () => {
	const ANCHOR = {
		kind: 'text',
		fragment: 'body',
		start: 'AQID',
		end: 'AQIE',
		quote: '城市大脑',
		before: '',
		after: ''
	};

	function post(path: string, origin: string | null, payload: unknown) {
		return fetch(`${server.url}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				accept: 'application/json',
				'content-type': 'application/json',
				cookie: fgw,
				...(origin === null ? {} : { origin })
			},
			body: JSON.stringify(payload)
		});
	}

	async function threadCount(): Promise<number> {
		const response = await fetch(`${server.url}/api/plans/1/sections/9.1/comments`, {
			headers: { cookie: fgw }
		});
		const { threads } = (await response.json()) as { threads: unknown[] };
		return threads.length;
	}

	it('refuses a foreign or missing Origin with 403, and stores nothing', async () => {
		const before = await threadCount();
		const payload = { anchor: ANCHOR, body: '跨站评论' };
		for (const origin of ['http://evil.example', 'null', `${server.url}.evil.example`, null]) {
			const response = await post('/api/plans/1/sections/9.1/comments', origin, payload);
			expect(response.status, String(origin)).toBe(403);
		}
		for (const path of [
			'/api/plans/1/comments/1',
			'/api/plans/1/sections/9.1/history/restore',
			'/api/plans/1/sections/9.1/history'
		]) {
			expect((await post(path, 'http://evil.example', {})).status, path).toBe(403);
		}
		expect(await threadCount()).toBe(before);
		expect(server.output()).toContain('cross-site request refused');
		// The same request from our own origin goes through.
		const own = await post('/api/plans/1/sections/9.1/comments', server.url, payload);
		expect(own.status).toBe(201);
		expect(await threadCount()).toBe(before + 1);
	});
});

describe('a javascript: link written straight into Yjs', () => {
	const DOC = 'plan/1/section/9.1';
	const HOSTILE = ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>'];

	beforeAll(async () => {
		// A hand-made client: no editor, no paste sanitising — the marks go into Yjs as written.
		const writer = connect(server.url, fgw, DOC);
		try {
			await eventually(() => expect(writer.provider.isSynced).toBe(true));
			const paragraph = new Y.XmlElement('paragraph');
			const text = new Y.XmlText();
			text.insert(0, '恶意链接甲', { link: { href: HOSTILE[0] } });
			text.insert(5, '恶意链接乙', { link: { href: HOSTILE[1] } });
			text.insert(10, '正常链接', { link: { href: 'https://www.gov.cn/' } });
			paragraph.insert(0, [text]);
			writer.doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
			await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
		} finally {
			writer.destroy();
		}
	});

	async function exported(format: string): Promise<string> {
		const response = await fetch(`${server.url}/plans/1/export/${format}`, {
			headers: { cookie: fgw }
		});
		expect(response.status, format).toBe(200);
		if (format !== 'docx') return response.text();
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		return Object.entries(files)
			.filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
			.map(([, bytes]) => strFromU8(bytes))
			.join('\n');
	}

	it('reaches no export as a link: Markdown, JSON, DOCX and the print view', async () => {
		for (const format of ['md', 'json', 'docx', 'print']) {
			const text = await exported(format);
			expect(text, format).toContain('恶意链接甲');
			expect(text.toLowerCase(), format).not.toContain('javascript:');
			expect(text.toLowerCase(), format).not.toContain('data:text/html');
			expect(text, format).toContain('https://www.gov.cn/');
		}
	});
});

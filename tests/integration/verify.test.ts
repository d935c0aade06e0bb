/**
 * A 定稿 anyone can verify (issue 13), against the real server: the requirements activity is
 * driven to its 定稿 over HTTP, its DOCX and PDF exported and posted to the public /verify (no
 * login) — genuine; the same files with one character of body text changed (the DOCX's
 * document.xml edited and zipped again; one glyph of the PDF's content stream replaced by another
 * of the same font) are refused with the content message; a pasted hash is found or not;
 * `npm run verify` (spawned with the project's Node) says the same offline given the public key
 * the well-known URL serves; hostile uploads get a 4xx and the server stays up.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../helpers/db.ts';
import { changeOneGlyph } from '../helpers/pdf-tamper.ts';
import { NODE, ROOT } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';
import { walkToFinal, workflowActor } from '../helpers/sign-off.ts';

const ACCOUNTS = ['admin', 'reviewer', 'expert', 'leader', 'qiye', 'jumin'] as const;
const { server, cookies } = serverPerFile(ACCOUNTS);
const A = 'requirements';
let final: { id: number; hash: string };
let docx: Uint8Array;
let pdf: Uint8Array;
let publicKeyPem: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-verify-'));

const act = workflowActor(
	() => server.url,
	(who) => cookies.get(who)!,
	A
);

async function download(path: string): Promise<Uint8Array> {
	const response = await fetch(`${server.url}${path}`, {
		headers: { cookie: cookies.get('admin')! }
	});
	expect(response.status, path).toBe(200);
	return new Uint8Array(await response.arrayBuffer());
}

/** POST /verify as the page does (no cookie: the page is public). */
async function verify(body: Uint8Array) {
	const response = await fetch(`${server.url}/verify`, {
		method: 'POST',
		headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
		body: Buffer.from(body)
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function tamperDocx(bytes: Uint8Array, from: string, to: string): Uint8Array {
	const files = unzipSync(bytes);
	const xml = strFromU8(files['word/document.xml']);
	const at = xml.indexOf(from, xml.indexOf('城市发展战略与目标分析'));
	expect(at).toBeGreaterThan(0);
	files['word/document.xml'] = strToU8(xml.slice(0, at) + to + xml.slice(at + from.length));
	return zipSync(files);
}

function runVerify(file: Uint8Array, name: string) {
	const target = path.join(tmp, name);
	fs.writeFileSync(target, file);
	const keyFile = path.join(tmp, 'key.pem');
	fs.writeFileSync(keyFile, publicKeyPem);
	return spawnSync(NODE, ['scripts/verify.ts', target, '--key', keyFile], {
		cwd: ROOT,
		encoding: 'utf8'
	});
}

beforeAll(async () => {
	await walkToFinal(act, '测试：提前结束');
	final = testDatabase(() => server).query(
		"SELECT id, hash FROM activity_versions WHERE activity = ? AND milestone = 'final'",
		A
	);
	docx = await download(`/plans/1/export/docx?version=v${final.id}`);
	pdf = await download(`/plans/1/export/pdf?version=v${final.id}`);
	publicKeyPem = await (await fetch(`${server.url}/.well-known/lantu-signing-key`)).text();
}, 180_000);

afterAll(async () => {
	fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the instance key', () => {
	it('is served at the well-known URL with its fingerprint, and printed on /verify', async () => {
		const response = await fetch(`${server.url}/.well-known/lantu-signing-key`);
		const key = createPublicKey(publicKeyPem);
		expect(key.asymmetricKeyType).toBe('ed25519');
		const fingerprint = createHash('sha256')
			.update(key.export({ type: 'spki', format: 'der' }))
			.digest('hex');
		expect(response.headers.get('x-lantu-key-fingerprint')).toBe(fingerprint);
		const json = (await (
			await fetch(`${server.url}/.well-known/lantu-signing-key?format=json`)
		).json()) as { fingerprint: string; algorithm: string };
		expect(json).toMatchObject({ fingerprint, algorithm: 'Ed25519' });
		const page = await (await fetch(`${server.url}/verify`)).text();
		expect(page).toContain(fingerprint.toUpperCase().match(/.{4}/g)!.join(' '));
	});

	it('is private on disk (0600) and the same key signs after a restart', async () => {
		const file = path.join(server.dataDir, 'signing-key.pem');
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.readFileSync(file, 'utf8')).toContain('PRIVATE KEY');
		await server.stop();
		await server.restart();
		expect(await (await fetch(`${server.url}/.well-known/lantu-signing-key`)).text()).toBe(
			publicKeyPem
		);
		expect((await verify(docx)).body).toMatchObject({ ok: true });
	});
});

describe('/verify', () => {
	it('accepts the genuine 定稿 DOCX and PDF', async () => {
		for (const [file, format] of [
			[docx, 'docx'],
			[pdf, 'pdf']
		] as const) {
			const { status, body } = await verify(file);
			expect({ format, status }).toEqual({ format, status: 200 });
			expect(body).toMatchObject({
				ok: true,
				format,
				statement: { hash: final.hash, label: '需求分析·定稿（第4版）', format }
			});
			const signers = (body.statement as { signers: { name: string; decision: string }[] }).signers;
			expect(signers.map((s) => s.decision)).toContain('批准');
		}
	});

	it('prints the 验证信息 as the last page of the DOCX', () => {
		const xml = strFromU8(unzipSync(docx)['word/document.xml']);
		const block = xml.lastIndexOf('验证信息');
		expect(block).toBeGreaterThan(xml.lastIndexOf('签署记录'));
		for (const text of ['内容哈希（SHA-256）', final.hash, '签名（Ed25519）', '周市长'])
			expect(xml.slice(block)).toContain(text);
	});

	it('refuses a DOCX with one character of body text changed, added or removed', async () => {
		for (const [from, to] of [
			['城市', '城巿'],
			['城市', '城市市'],
			['城市', '城']
		]) {
			const { status, body } = await verify(tamperDocx(docx, from, to));
			expect(status).toBe(200);
			expect(body).toMatchObject({ ok: false, failure: 'text-altered' });
		}
	});

	it('refuses a PDF with one glyph changed', async () => {
		const { body } = await verify(changeOneGlyph(pdf));
		expect(body).toMatchObject({ ok: false, failure: 'text-altered' });
	});

	it('accepts the 定稿汇编 DOCX', async () => {
		const compilation = await download('/plans/1/export/docx?version=approved');
		expect((await verify(compilation)).body).toMatchObject({
			ok: true,
			statement: { label: '定稿汇编' }
		});
	});

	it('finds a pasted hash, and says when there is none', async () => {
		const found = await (await fetch(`${server.url}/verify?hash=${final.hash}`)).text();
		expect(found).toContain('本平台上有这个哈希的版本');
		expect(found).toContain('需求分析·定稿（第4版）');
		expect(found).toContain('存储内容完整');
		const missing = await (await fetch(`${server.url}/verify?hash=${'0'.repeat(64)}`)).text();
		expect(missing).toContain('本平台上没有这个哈希的版本');
		const bad = await (await fetch(`${server.url}/verify?hash=xyz`)).text();
		expect(bad).toContain('这不是 64 位十六进制的 SHA-256 哈希');
	});

	it('answers hostile uploads with a 4xx and stays up', async () => {
		const random = new Uint8Array(1024 * 1024).map(() => Math.floor(Math.random() * 256));
		expect(await verify(random.slice(0, 1000))).toMatchObject({
			status: 400,
			body: { failure: 'unreadable' }
		});
		// Over adapter-node's 512 KiB body limit: read by /verify itself.
		expect(await verify(random)).toMatchObject({ status: 400, body: { failure: 'unreadable' } });
		const fakePdf = new Uint8Array([...strToU8('%PDF-1.7\n'), ...random.slice(0, 5000)]);
		expect((await verify(fakePdf)).status).toBe(400);
		// A zip whose document.xml inflates to 80 MB (from about 80 KB).
		const bomb = zipSync({ 'word/document.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 });
		expect(bomb.length).toBeLessThan(1024 * 1024);
		expect(await verify(bomb)).toMatchObject({ status: 400, body: { failure: 'unreadable' } });
		// A declared size over 50 MB is refused before the body is read.
		const status = await new Promise<number>((resolve, reject) => {
			const request = http.request(`${server.url}/verify`, {
				method: 'POST',
				headers: {
					'content-type': 'application/octet-stream',
					'content-length': String(60 * 1024 * 1024)
				}
			});
			request.on('response', (response) => {
				response.resume();
				resolve(response.statusCode ?? 0);
			});
			request.on('error', reject);
			request.write(Buffer.alloc(1024));
		});
		expect(status).toBe(413);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect((await verify(docx)).body).toMatchObject({ ok: true });
	});
});

describe('npm run verify', () => {
	it('passes the genuine DOCX and PDF and fails the tampered DOCX, offline', () => {
		const genuine = runVerify(docx, 'genuine.docx');
		expect(genuine.status, genuine.stderr).toBe(0);
		expect(genuine.stdout).toContain('验证通过');
		expect(genuine.stdout).toContain(final.hash);
		const genuinePdf = runVerify(pdf, 'genuine.pdf');
		expect(genuinePdf.status, genuinePdf.stderr).toBe(0);
		const tampered = runVerify(tamperDocx(docx, '城市', '城巿'), 'tampered.docx');
		expect(tampered.status).toBe(1);
		expect(tampered.stderr).toContain('文件内容与签署版本不一致');
	});
});

import { generateKeyPairSync } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { demoModelInput } from '../../export/fixtures.ts';
import { buildExportModel } from '../../export/model.ts';
import { changeOneGlyph } from '../../../../tests/helpers/pdf-tamper.ts';
import { checkFile } from './check.ts';
import { pdfText } from './extract.ts';
import { renderSigned } from './sign.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const input = {
	...demoModelInput(),
	version: {
		kind: 'version' as const,
		label: '需求分析·定稿（第3版）',
		hash: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
		at: '2026-12-05T16:30:00.000Z',
		activities: [
			{
				activity: 'requirements',
				chapter: '6',
				title: '需求分析',
				label: '定稿（第3版）',
				hash: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12'
			}
		]
	},
	timeZone: 'Asia/Shanghai'
};
const doc = buildExportModel(input, { edition: 'full' });

/** Replaces the first occurrence of `from` in document.xml's text and zips the package again. */
function tamperDocx(bytes: Uint8Array, from: string, to: string): Uint8Array {
	const files = unzipSync(bytes);
	const xml = strFromU8(files['word/document.xml']);
	expect(xml).toContain(from);
	files['word/document.xml'] = strToU8(xml.replace(from, to));
	return zipSync(files);
}

describe('a signed DOCX', () => {
	it('verifies, and a changed, added or removed character of its body does not', async () => {
		const bytes = await renderSigned(doc, input, 'docx', privatePem);
		const genuine = await checkFile(bytes, publicKey);
		expect(genuine).toMatchObject({ ok: true, format: 'docx' });
		if (!genuine.ok) return;
		expect(genuine.statement).toMatchObject({ kind: 'version', hash: input.version.hash });
		expect(genuine.statement.signers.map((s) => s.name)).toEqual(['王市长']);

		for (const [from, to] of [
			['城市运行数据开放', '城市运行数椐开放'],
			['城市运行数据开放', '城市运行数据的开放'],
			['城市运行数据开放', '城市运行数开放']
		])
			expect(await checkFile(tamperDocx(bytes, from, to), publicKey)).toMatchObject({
				ok: false,
				failure: 'text-altered'
			});
		// The printed block is checked too: a changed signer's name is refused.
		expect(await checkFile(tamperDocx(bytes, '王市长', '李市长'), publicKey)).toMatchObject({
			ok: false
		});
		// Another instance's key.
		const other = generateKeyPairSync('ed25519').publicKey;
		expect(await checkFile(bytes, other)).toMatchObject({ ok: false, failure: 'wrong-key' });
	});

	it('refuses garbage and files without a block', async () => {
		expect(await checkFile(new Uint8Array([1, 2, 3, 4, 5]), publicKey)).toMatchObject({
			failure: 'unreadable'
		});
		expect(await checkFile(zipSync({ 'a.txt': strToU8('x') }), publicKey)).toMatchObject({
			failure: 'unreadable'
		});
		expect(await checkFile(strToU8('%PDF-1.7 garbage'), publicKey)).toMatchObject({
			failure: 'unreadable'
		});
	});
});

describe('a signed PDF', () => {
	it(
		'verifies with the same key, and not once one glyph was changed',
		{ timeout: 120_000 },
		async () => {
			const bytes = await renderSigned(doc, input, 'pdf', privatePem);
			expect(await checkFile(bytes, publicKey)).toMatchObject({ ok: true, format: 'pdf' });
			const forged = changeOneGlyph(bytes);
			const [before, after] = [await pdfText(bytes), await pdfText(forged)];
			expect(after.length).toBe(before.length);
			expect([...after].filter((c, i) => c !== before[i])).toHaveLength(1);
			expect(await checkFile(forged, publicKey)).toMatchObject({
				ok: false,
				failure: 'text-altered'
			});
		}
	);
});

import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { handWrittenDocx } from '../../../../tests/helpers/docx-files.ts';
import { DOCX_LIMITS, DocxRefusal, openDocx } from './archive.ts';

const PARAGRAPH = '<w:p><w:r><w:t>正文</w:t></w:r></w:p>';

async function refusal(bytes: Uint8Array): Promise<string> {
	try {
		await openDocx(bytes);
		return 'accepted';
	} catch (cause) {
		return cause instanceof DocxRefusal ? cause.code : `threw ${String(cause)}`;
	}
}

/** Sets the declared uncompressed size of every entry (local header and central directory). */
function declareSizes(zip: Uint8Array, size: number): Uint8Array {
	const out = zip.slice();
	const view = new DataView(out.buffer);
	for (let i = 0; i + 4 <= out.length; i++) {
		const sig = view.getUint32(i, true);
		if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
		else if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
	}
	return out;
}

describe('opening an uploaded .docx', () => {
	it('reads a plain .docx', async () => {
		const parts = await openDocx(handWrittenDocx(PARAGRAPH));
		expect(parts.get('word/document.xml')).toContain('正文');
	});

	it('refuses an encrypted Word file (OLE compound file)', async () => {
		const cfb = new Uint8Array(4096);
		cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		expect(await refusal(cfb)).toBe('encrypted');
	});

	it('refuses what is not a zip, and a broken zip', async () => {
		expect(await refusal(strToU8('<html>not a document</html>'))).toBe('not-docx');
		const broken = handWrittenDocx(PARAGRAPH).slice(0, 200);
		expect(await refusal(broken)).toBe('malformed');
	});

	it('refuses a zip without word/document.xml', async () => {
		expect(await refusal(zipSync({ 'a.txt': strToU8('x') }))).toBe('not-docx');
	});

	it('refuses macros: a .docm content type or a VBA project', async () => {
		const docm = handWrittenDocx(PARAGRAPH, {
			contentType: 'application/vnd.ms-word.document.macroEnabled.main+xml'
		});
		expect(await refusal(docm)).toBe('macros');
		const vba = handWrittenDocx(PARAGRAPH, {
			extra: { 'word/vbaProject.bin': new Uint8Array(64) }
		});
		expect(await refusal(vba)).toBe('macros');
	});

	it('refuses too many entries', async () => {
		const extra = Object.fromEntries(
			Array.from({ length: DOCX_LIMITS.maxEntries + 1 }, (_, i) => [
				`word/media/${i}.txt`,
				strToU8('x')
			])
		);
		expect(await refusal(handWrittenDocx(PARAGRAPH, { extra }))).toBe('too-many-entries');
	});

	it('refuses a zip bomb: huge declared sizes, and an entry inflating past its declared size', async () => {
		const zeros = new Uint8Array(1024 * 1024);
		const bomb = handWrittenDocx(PARAGRAPH, { extra: { 'word/media/zeros.bin': zeros } });
		expect(await refusal(declareSizes(bomb, DOCX_LIMITS.maxTotalBytes))).toBe('zip-bomb');
		// The document part claims 10 bytes but inflates to far more: stopped while inflating.
		const lying = declareSizes(handWrittenDocx(PARAGRAPH.repeat(50)), 10);
		expect(await refusal(lying)).toBe('zip-bomb');
	});

	it('refuses a file over the upload cap', async () => {
		const big = new Uint8Array(DOCX_LIMITS.maxFileBytes + 1);
		big.set([0x50, 0x4b, 0x03, 0x04]);
		expect(await refusal(big)).toBe('too-large');
	});
});

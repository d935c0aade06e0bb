/**
 * Changing one character of a PDF the way a forger would, without re-rendering it: in the first
 * page content stream where one font shows two different glyphs, the first glyph is replaced by
 * the other one (it exists in that font, so the page still renders and reads — one character
 * changed). The stream is inflated, edited, deflated again and written back in the same number of
 * bytes (padded after the zlib data, which readers ignore), so every object offset stays valid.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export function changeOneGlyph(pdf: Uint8Array): Uint8Array {
	const bytes = new Uint8Array(pdf);
	const text = Buffer.from(bytes).toString('latin1');
	const streamStart = /<<\/Filter \/FlateDecode\n\/Length (\d+)>> stream\r?\n/g;
	for (const match of text.matchAll(streamStart)) {
		const start = match.index + match[0].length;
		const length = Number(match[1]);
		let content: string;
		try {
			content = inflateSync(bytes.subarray(start, start + length)).toString('latin1');
		} catch {
			continue;
		}
		// Which glyph codes each font shows, and where the first one is.
		const first = new Map<string, { code: string; index: number; length: number }>();
		let font = '';
		let target: { index: number; length: number; replacement: string } | undefined;
		for (const token of content.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj/g)) {
			if (token[1]) {
				font = token[1];
				continue;
			}
			const code = token[2];
			const seen = first.get(font);
			if (!seen) first.set(font, { code, index: token.index, length: token[0].length });
			else if (seen.code !== code && seen.code.length === code.length) {
				target = { index: seen.index, length: seen.length, replacement: `<${code}> Tj` };
				break;
			}
		}
		if (!target) continue;
		const edited =
			content.slice(0, target.index) +
			target.replacement +
			content.slice(target.index + target.length);
		const packed = deflateSync(Buffer.from(edited, 'latin1'), { level: 9 });
		if (packed.length > length) continue;
		bytes.set(packed, start);
		bytes.fill(0x20, start + packed.length, start + length);
		return bytes;
	}
	throw new Error('no content stream to tamper with');
}

/**
 * Reading an uploaded .docx end to end (archive checks, then the XML), as a plain result so it can
 * come back from the export worker thread, where it runs (offload.ts: unzipping and parsing a long
 * document is CPU work that must not be the collaboration server's). A file that breaks the reader
 * in any unforeseen way is refused as malformed, never half-read.
 */
import { DocxRefusal, openDocx, type DocxRefusalCode } from './archive.ts';
import { parseDocx, type ParsedDocx } from './parse.ts';

export type DocxReading = { ok: true; parsed: ParsedDocx } | { ok: false; code: DocxRefusalCode };

export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
	try {
		const parsed = parseDocx(await openDocx(bytes));
		if (parsed.blocks.length === 0) return { ok: false, code: 'empty' };
		return { ok: true, parsed };
	} catch (cause) {
		return { ok: false, code: cause instanceof DocxRefusal ? cause.code : 'malformed' };
	}
}

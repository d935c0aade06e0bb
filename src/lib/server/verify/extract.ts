/**
 * Reading the text back out of an exported file, as the verification sees it — the same code at
 * export time (to compute the digest it signs), on `/verify` and in `npm run verify`:
 *
 * - DOCX: the text runs (`<w:t>`) of `word/document.xml` in document order. Running headers and
 *   footers are other parts of the package and field instructions (`<w:instrText>`, the table of
 *   contents' page references) are not text runs, so neither is read.
 * - PDF: each page's text as pdf.js (Firefox's engine) decodes it, without what is printed in the
 *   page margins — page numbers, the running header and the hash line Chromium draws there from
 *   the print page's @page margin boxes.
 *
 * Files come from anyone: every limit is checked before work is done (one document.xml of at most
 * 64 MiB, read from its declared size so a zip bomb cannot inflate beyond it; at most 3000 PDF
 * pages), and every parser failure becomes an `UnreadableFileError`.
 */
import { unzipSync } from 'fflate';
import { canonicalText } from './canonical-text.ts';

export type FileFormat = 'docx' | 'pdf';

export class UnreadableFileError extends Error {}

const DOCUMENT_XML = 'word/document.xml';
const MAX_XML_BYTES = 64 * 1024 * 1024;
const MAX_PDF_PAGES = 3000;
/**
 * A text item whose baseline is this close to a page's top or bottom edge is in the margin. The
 * print page's margins are 37 mm (top) and 35 mm (bottom) — about 105 and 99 points — and its
 * margin boxes are vertically centred in them; body lines start below and end above them.
 */
const MARGIN_PT = 80;

export function detectFormat(bytes: Uint8Array): FileFormat | undefined {
	if (
		bytes.length > 4 &&
		bytes[0] === 0x50 &&
		bytes[1] === 0x4b &&
		bytes[2] === 3 &&
		bytes[3] === 4
	)
		return 'docx';
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
	if (head.includes('%PDF-')) return 'pdf';
	return undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
	return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
		if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
		return ENTITIES[name] ?? whole;
	});
}

/** The raw text of a DOCX's body (not yet canonical). */
export function docxText(bytes: Uint8Array): string {
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes, {
			filter: (f) => f.name === DOCUMENT_XML && f.originalSize <= MAX_XML_BYTES
		});
	} catch (e) {
		throw new UnreadableFileError(`not a readable zip: ${(e as Error).message}`);
	}
	const xml = files[DOCUMENT_XML];
	if (!xml) throw new UnreadableFileError('no word/document.xml (or too large)');
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(xml);
	} catch {
		throw new UnreadableFileError('word/document.xml is not UTF-8');
	}
	const out: string[] = [];
	for (const match of text.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) {
		try {
			out.push(decodeXml(match[1]));
		} catch {
			throw new UnreadableFileError('bad character reference in word/document.xml');
		}
	}
	return out.join('');
}

interface TextItemLike {
	str?: string;
	transform?: number[];
}

/** The raw text of a PDF's pages inside their margins (not yet canonical). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	// pdf.js may keep (transfer) the buffer it is given: hand it a copy.
	const task = getDocument({
		data: new Uint8Array(bytes),
		useSystemFonts: false,
		verbosity: 0
	});
	try {
		const pdf = await task.promise;
		if (pdf.numPages > MAX_PDF_PAGES) throw new UnreadableFileError('too many pages');
		const pages: string[] = [];
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const [, bottom, , top] = page.view;
			const content = await page.getTextContent();
			const text = (content.items as TextItemLike[])
				.filter((item) => {
					const y = item.transform?.[5];
					return typeof y === 'number' && y > bottom + MARGIN_PT && y < top - MARGIN_PT;
				})
				.map((item) => item.str ?? '')
				.join('');
			pages.push(text);
			page.cleanup();
		}
		return pages.join('');
	} catch (e) {
		if (e instanceof UnreadableFileError) throw e;
		throw new UnreadableFileError(`not a readable PDF: ${(e as Error).message}`);
	} finally {
		await task.destroy();
	}
}

/** A file's canonical text, with the format it was read as. */
export async function extractCanonicalText(
	bytes: Uint8Array
): Promise<{ format: FileFormat; text: string }> {
	const format = detectFormat(bytes);
	if (!format) throw new UnreadableFileError('neither DOCX nor PDF');
	const raw = format === 'docx' ? docxText(bytes) : await pdfText(bytes);
	return { format, text: canonicalText(raw) };
}

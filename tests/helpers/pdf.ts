/**
 * Reading a PDF back as a reader would: each page's size and its text, extracted by pdf.js (the
 * engine of Firefox's viewer), which decodes the fonts' ToUnicode maps — so a test can see what is
 * printed on the page, not only what the metadata claims.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
	/** Points (1/72 inch); A4 is 595.28 × 841.89. */
	width: number;
	height: number;
	/**
	 * The page's text runs joined, whitespace removed (CJK lines wrap anywhere), radicals and dashes
	 * normalised: the CJK font's ToUnicode map names some shared glyphs by their compatibility
	 * characters — 示 comes back as the Kangxi radical ⽰, the dash of 2026—2030 as ―.
	 */
	text: string;
}

export interface PdfContents {
	title: string | undefined;
	pages: PdfPage[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContents> {
	const task = getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 });
	const pdf = await task.promise;
	try {
		const pages: PdfPage[] = [];
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const { width, height } = page.getViewport({ scale: 1 });
			const content = await page.getTextContent();
			const text = content.items
				.map((item) => ('str' in item ? item.str : ''))
				.join('')
				.replace(/\s+/gu, '')
				.replace(/[\u2e80-\u2fdf]/gu, (radical) => radical.normalize('NFKC'))
				.replace(/[\u2014\u2015]/gu, '—');
			pages.push({ width, height, text });
		}
		const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
		return { title: info.Title, pages };
	} finally {
		await task.destroy();
	}
}

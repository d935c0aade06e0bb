/**
 * The print HTML → a PDF whose table of contents carries the pages its headings are on. Chromium
 * cannot number a TOC itself (no target-counter()), so the document is printed twice: the first
 * printing keeps the TOC's room for numbers blank, pdf.js reads where each TOC entry's anchor landed
 * (Chromium writes a named destination for every link target), and the second printing fills the
 * numbers in and counts pages from the first chapter. The numbers take room the first printing had
 * already reserved, so nothing moves between the two.
 *
 * Runs in the export worker; relative imports only.
 */
import { renderPrintHtml, tocSections, type PrintLayout } from '../../export/html.ts';
import type { ExportDocument } from '../../export/types.ts';
import { checkPrintFonts } from './print-fonts.ts';
import type { PrintHtml } from './pdf.ts';

/** Each TOC section's page (1-based) in a printed PDF, read from its named destinations. */
export async function headingPages(
	pdf: Uint8Array,
	ids: readonly string[]
): Promise<Record<string, number>> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 });
	try {
		const doc = await task.promise;
		const pages: Record<string, number> = {};
		for (const id of ids) {
			const dest = await doc.getDestination(id);
			const ref = dest?.[0];
			if (ref && typeof ref === 'object' && 'num' in ref)
				pages[id] = (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
		}
		return pages;
	} finally {
		await task.destroy();
	}
}

/** The layout of a first printing: where the TOC's sections landed, where the first chapter starts. */
export async function printLayout(doc: ExportDocument, pdf: Uint8Array): Promise<PrintLayout> {
	const sections = tocSections(doc);
	const pages = await headingPages(
		pdf,
		sections.map((s) => s.id)
	);
	const first = sections.find((s) => pages[s.id]);
	return { pages, firstPage: first ? pages[first.id] : 1 };
}

/** Prints the export model as a PDF with a numbered table of contents (two printings). */
export async function printPdf(doc: ExportDocument, print: PrintHtml): Promise<Uint8Array> {
	return layoutPrinter(print)(doc);
}

/**
 * A printer that remembers the layout of its first document: a signed PDF is printed again with
 * its 验证信息 on a page after everything else, where nothing before it moves — so the second
 * document reuses the first one's page numbers instead of being printed twice more.
 */
export function layoutPrinter(print: PrintHtml): (doc: ExportDocument) => Promise<Uint8Array> {
	let known: PrintLayout | undefined;
	return async (doc) => {
		checkPrintFonts();
		if (!known) known = await printLayout(doc, await print(renderPrintHtml(doc)));
		return print(renderPrintHtml(doc, known));
	};
}

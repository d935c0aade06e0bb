/**
 * Print HTML → PDF with headless Chromium (playwright-core), when a Chromium is on the machine:
 * `CHROMIUM_PATH`, else Debian's /usr/bin/chromium. One browser per export, closed afterwards; the
 * rendering runs in Chromium's own processes, so the server's event loop only waits.
 */
import fs from 'node:fs';
import { config } from '../config.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string | undefined {
	const configured = config.CHROMIUM_PATH;
	if (configured) return fs.existsSync(configured) ? configured : undefined;
	return CANDIDATES.find((p) => fs.existsSync(p));
}

export class PdfUnavailableError extends Error {
	constructor() {
		super('no Chromium for PDF export');
	}
}

export type PrintHtml = (html: string) => Promise<Uint8Array>;

/**
 * One browser for `use`, which may print several pages with it (a signed PDF is printed twice:
 * to read its text, then with its 验证信息 — one launch instead of two).
 */
export async function withChromium<T>(use: (print: PrintHtml) => Promise<T>): Promise<T> {
	const executablePath = chromiumPath();
	if (!executablePath) throw new PdfUnavailableError();
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	try {
		return await use(async (html) => {
			const page = await browser.newPage();
			try {
				// The page is self-contained: no request leaves the browser.
				await page.route('**/*', (route) => route.abort());
				await page.setContent(html, { waitUntil: 'load' });
				const pdf = await page.pdf({
					format: 'A4',
					printBackground: true,
					preferCSSPageSize: true,
					displayHeaderFooter: false,
					tagged: true,
					outline: true
				});
				return new Uint8Array(pdf);
			} finally {
				await page.close();
			}
		});
	} finally {
		await browser.close();
	}
}

export async function renderPdf(html: string): Promise<Uint8Array> {
	return withChromium((print) => print(html));
}

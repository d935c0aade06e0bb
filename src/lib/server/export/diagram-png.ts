/**
 * Generated diagrams' SVGs rasterised for the DOCX (Word's SVG support needs a PNG fallback
 * anyway, and LibreOffice and WPS read PNG everywhere), at 2× for print (about 190 dpi at the
 * figure's printed width), with the machine's fonts — the same open CJK fonts the PDF embeds.
 *
 * With a Chromium on the machine (the one that prints PDFs), one browser draws them all: fast.
 * Without, resvg draws them — correct, but it reads the whole CJK font file for every run of text
 * (about 16 MB each time), so a large figure takes seconds.
 *
 * Runs in the export worker; relative imports only.
 */
import { execFileSync } from 'node:child_process';
import { Resvg } from '@resvg/resvg-js';
import { chromiumPath } from './pdf.ts';

export const PNG_SCALE = 2;

/** The families the diagrams name, in their order of preference (see src/lib/diagrams/svg.ts). */
const FAMILIES = ['SimHei', 'WenQuanYi Zen Hei', 'SimSun', 'AR PL UMing CN'];

let fontFiles: string[] | null = null;

/**
 * The font files behind the diagrams' families, asked of fontconfig once: loading only these
 * instead of every system font (the Noto CJK collections alone are 100 MB) makes a PNG take
 * tens of milliseconds instead of seconds.
 */
function diagramFontFiles(): string[] {
	if (fontFiles) return fontFiles;
	const files = new Set<string>();
	for (const family of FAMILIES) {
		try {
			const out = execFileSync('fc-list', [family, 'file'], { encoding: 'utf8', timeout: 10_000 });
			for (const line of out.split('\n')) {
				const file = line.replace(/:\s*$/, '').trim();
				if (file) files.add(file);
			}
		} catch {
			// No fontconfig: resvg falls back to the system fonts below.
		}
	}
	fontFiles = [...files];
	return fontFiles;
}

/**
 * Recent PNGs by their SVG: a signed DOCX is rendered twice, and resvg shapes every text run with
 * the full CJK font (about a tenth of a second each on a busy machine).
 */
const recent = new Map<string, Uint8Array>();
const RECENT_MAX = 24;

function remember(svg: string, png: Uint8Array): void {
	recent.set(svg, png);
	if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
}

export function diagramPng(svg: string): Uint8Array {
	const hit = recent.get(svg);
	if (hit) return hit;
	const png = rasterise(svg);
	remember(svg, png);
	return png;
}

/** Draws every SVG not drawn recently (one Chromium for all of them, else resvg). */
export async function prepareDiagramPngs(svgs: readonly string[]): Promise<void> {
	const todo = [...new Set(svgs)].filter((svg) => !recent.has(svg));
	if (todo.length === 0) return;
	const executablePath = chromiumPath();
	if (!executablePath) return;
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	try {
		const context = await browser.newContext({ deviceScaleFactor: PNG_SCALE });
		const page = await context.newPage();
		// The SVGs are self-contained: no request leaves the browser.
		await page.route('**/*', (route) => route.abort());
		for (const svg of todo) {
			await page.setContent(
				`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`
			);
			remember(svg, new Uint8Array(await page.locator('svg').first().screenshot()));
		}
	} finally {
		await browser.close();
	}
}

function rasterise(svg: string): Uint8Array {
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: PNG_SCALE },
		background: '#ffffff',
		font: {
			fontFiles: diagramFontFiles(),
			loadSystemFonts: diagramFontFiles().length === 0,
			defaultFontFamily: 'WenQuanYi Zen Hei',
			sansSerifFamily: 'WenQuanYi Zen Hei',
			serifFamily: 'AR PL UMing CN'
		}
	});
	return new Uint8Array(resvg.render().asPng());
}

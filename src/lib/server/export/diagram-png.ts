/**
 * A generated diagram's SVG rasterised for the DOCX (Word's SVG support needs a PNG fallback
 * anyway, and LibreOffice and WPS read PNG everywhere): resvg, at 2× for print (about 190 dpi at
 * the figure's printed width), with the machine's fonts — the same open CJK fonts the PDF embeds.
 *
 * Runs in the export worker; relative imports only.
 */
import { execFileSync } from 'node:child_process';
import { Resvg } from '@resvg/resvg-js';

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

export function diagramPng(svg: string): Uint8Array {
	const hit = recent.get(svg);
	if (hit) return hit;
	const png = rasterise(svg);
	recent.set(svg, png);
	if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
	return png;
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

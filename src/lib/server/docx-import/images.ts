/**
 * The pictures of an imported .docx (issue 17) become the plan's images through the image module
 * of issue 16 — sniffed by their bytes, SVG refused, the same size and pixel caps — and figures
 * at full width, their Word description as alt text. A picture the module refuses is left out and
 * counted, the rest of the file still imports.
 *
 * In 修订 mode they are kept too, as suggested pictures: land.ts gives each figure the importer's
 * structural suggestion (suggestions/structure.ts), which the owners accept or reject; a picture
 * Word itself records as inserted or deleted keeps that revision's author.
 */
import { DEFAULT_FIGURE_WIDTH } from '../../images/limits.ts';
import { sniffImage } from '../images/sniff.ts';
import { saveImage } from '../images/store.ts';
import { MEDIA_SRC, type ParsedDocx, type PMNode } from './parse.ts';

export interface ImportedImages {
	parsed: ParsedDocx;
	/** Figures kept, and pictures left out (refused by the image module). */
	images: number;
	imagesSkipped: number;
}

export async function storeImportedImages(
	parsed: ParsedDocx,
	context: { planId: number; clause: string; userId: number }
): Promise<ImportedImages> {
	const hashes = new Map<string, string | null>();
	let images = 0;
	let imagesSkipped = 0;
	const blocks: PMNode[] = [];
	for (const block of parsed.blocks) {
		const src = block.type === 'figure' ? String(block.attrs?.src ?? '') : '';
		if (!src.startsWith(MEDIA_SRC)) {
			blocks.push(block);
			continue;
		}
		const part = src.slice(MEDIA_SRC.length);
		if (!hashes.has(part)) {
			const bytes = parsed.media.get(part);
			const sniffed = bytes ? await sniffImage(bytes) : null;
			hashes.set(
				part,
				bytes && sniffed?.ok ? saveImage({ ...context, bytes, image: sniffed.image }) : null
			);
		}
		const hash = hashes.get(part);
		if (!hash) {
			imagesSkipped++;
			continue;
		}
		images++;
		blocks.push({
			type: 'figure',
			attrs: {
				// The editor's figure id format (editor/figures.ts newFigureId).
				id: `fig-${crypto.randomUUID().slice(0, 8)}`,
				src: hash,
				alt: String(block.attrs?.alt ?? ''),
				caption: '',
				width: DEFAULT_FIGURE_WIDTH,
				// Word's revision of the picture (parse.ts), named by land.ts.
				...(block.attrs?.suggestion ? { suggestion: block.attrs.suggestion } : {})
			}
		});
	}
	return { parsed: { ...parsed, blocks }, images, imagesSkipped };
}

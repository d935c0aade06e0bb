/**
 * A figure in the DOCX: the image at its width (percent of the text width, height by its aspect,
 * never taller than most of a page) in a centred paragraph of single, automatic line spacing (the
 * body's exact 28 pt would clip it), kept with its caption below (图 6-1, then the caption; 黑体 小四 as
 * table captions). An image the export could not read prints a note instead. Word has no WebP:
 * the editor converts WebP to PNG before uploading, and a WebP stored by another client prints
 * the note too.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun, type IRunOptions } from 'docx';
import { WORDS } from '../../export/vocabulary.ts';
import type { ImageAsset, ImageBlock } from '../../export/types.ts';
import { revisionRun, structureRevisionOptions } from './docx-revisions.ts';

const DOCX_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' } as const;
/** Twips per CSS pixel (96 dpi): 1440 / 96. */
const TWIPS_PER_PX = 15;

export function figureParagraphs(
	block: ImageBlock,
	image: ImageAsset | undefined,
	textWidthTwips: number,
	captionFont: { font: IRunFont; size: number }
): Paragraph[] {
	const type = image ? DOCX_TYPES[image.mime as keyof typeof DOCX_TYPES] : undefined;
	const caption = [block.label, block.caption].filter(Boolean).join(WORDS.gap);
	const out: Paragraph[] = [];
	if (image && type) {
		const maxWidth = (textWidthTwips / TWIPS_PER_PX) * (block.width / 100);
		let width = Math.min(maxWidth, image.width);
		if (block.width === 100 || image.width > maxWidth) width = maxWidth;
		let height = (width * image.height) / image.width;
		const maxHeight = 800; // px: about two thirds of the A4 text height
		if (height > maxHeight) {
			width = (width * maxHeight) / height;
			height = maxHeight;
		}
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				keepNext: !!caption,
				spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
				children: [
					new ImageRun({
						type,
						data: image.bytes,
						transformation: { width: Math.round(width), height: Math.round(height) },
						altText: {
							name: block.label ?? block.id,
							description: block.alt,
							title: block.caption
						},
						// 修订: a suggested picture, or one suggested for deletion, as Word's revision.
						...structureRevisionOptions(block.revision)
					})
				]
			})
		);
	} else
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				keepNext: !!caption,
				children: [new TextRun({ text: WORDS.imageMissing, italics: true, color: '595959' })]
			})
		);
	if (caption)
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				spacing: { after: 240 },
				children: [
					block.revision
						? revisionRun(block.revision, { text: caption, ...captionFont })
						: new TextRun({ text: caption, font: captionFont.font, size: captionFont.size })
				]
			})
		);
	return out;
}

type IRunFont = NonNullable<IRunOptions['font']>;

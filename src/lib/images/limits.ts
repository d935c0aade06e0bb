/**
 * What an image in a plan may be (shared by the editor, which refuses early, and the upload
 * endpoint, which decides): raster formats recognised by their bytes, within a size in bytes and in
 * pixels. SVG is refused: it is a document that can carry script, and a plan's figures are
 * pictures. The pixel caps keep a decompression bomb (a small file of huge dimensions) out of
 * every browser and the DOCX/PDF renderers.
 */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const IMAGE_LIMITS = {
	/** Bytes of one uploaded file. */
	bytes: 10 * 1024 * 1024,
	/** Pixels along either side. */
	side: 10_000,
	/** Pixels in all (width × height): 40 megapixels. */
	pixels: 40_000_000
} as const;

/** An image is named by the SHA-256 (hex) of its bytes. */
export const IMAGE_HASH = /^[0-9a-f]{64}$/;

export function isImageHash(value: unknown): value is string {
	return typeof value === 'string' && IMAGE_HASH.test(value);
}

/** Width of a figure in the page, in percent of the text width. */
export const FIGURE_WIDTHS = [25, 50, 75, 100] as const;
export const DEFAULT_FIGURE_WIDTH = 100;

export function figureWidth(value: unknown): number {
	const n = Number(value);
	if (!Number.isFinite(n)) return DEFAULT_FIGURE_WIDTH;
	return Math.min(100, Math.max(10, Math.round(n)));
}

/** The URL an image of a plan is served at (src/routes/api/plans/[planId]/images/[hash]). */
export function imageUrl(planId: number, hash: string): string {
	return `/api/plans/${planId}/images/${hash}`;
}

/** Why an upload was refused: stable codes, worded by images/messages.ts. */
export type ImageRefusal =
	| 'image-empty'
	| 'image-too-large'
	| 'image-type'
	| 'image-svg'
	| 'image-truncated'
	| 'image-trailing-data'
	| 'image-dimensions'
	| 'image-too-many-pixels';

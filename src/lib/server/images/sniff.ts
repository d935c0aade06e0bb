/**
 * Is an upload an image we keep? Decided by its bytes only (never a name or a declared type): the
 * format by magic bytes (file-type), the dimensions from the header (image-size), and the file's
 * structure end to end — a PNG's chunks must end in IEND at the last byte, a GIF in its trailer, a
 * JPEG in EOI, a WebP's RIFF length must be the file's. So a truncated file and a polyglot (an
 * image with a ZIP, HTML or script appended) are refused, not stored.
 */
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import {
	IMAGE_LIMITS,
	IMAGE_TYPES,
	type ImageRefusal,
	type ImageType
} from '../../images/limits.ts';

export interface SniffedImage {
	mime: ImageType;
	width: number;
	height: number;
}

export type SniffResult = { ok: true; image: SniffedImage } | { ok: false; code: ImageRefusal };

const refuse = (code: ImageRefusal): SniffResult => ({ ok: false, code });

/** Text that opens like XML or HTML and names an <svg> element. */
function looksLikeSvg(bytes: Uint8Array): boolean {
	const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
	return /^\s*(\uFEFF)?\s*</.test(head) && /<svg[\s>]/i.test(head);
}

function u32be(bytes: Uint8Array, at: number): number {
	return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function u32le(bytes: Uint8Array, at: number): number {
	return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** 'ok', or how the structure fails: cut short, or followed by bytes that are not the image's. */
function structure(mime: ImageType, bytes: Uint8Array): 'ok' | 'truncated' | 'trailing' {
	const n = bytes.length;
	switch (mime) {
		case 'image/png': {
			let at = 8;
			while (at + 12 <= n) {
				const length = u32be(bytes, at);
				const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
				const end = at + 12 + length;
				if (end > n) return 'truncated';
				if (type === 'IEND') return end === n ? 'ok' : 'trailing';
				at = end;
			}
			return 'truncated';
		}
		case 'image/gif':
			return bytes[n - 1] === 0x3b ? 'ok' : 'truncated';
		case 'image/jpeg': {
			if (bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9) return 'ok';
			// An EOI somewhere before the end: something was appended after the picture.
			for (let i = n - 2; i > 2; i--)
				if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return 'trailing';
			return 'truncated';
		}
		case 'image/webp': {
			const riff = u32le(bytes, 4) + 8;
			const padded = riff + (riff % 2);
			if (n < riff) return 'truncated';
			return n === riff || n === padded ? 'ok' : 'trailing';
		}
	}
}

export async function sniffImage(bytes: Uint8Array): Promise<SniffResult> {
	if (bytes.length === 0) return refuse('image-empty');
	if (bytes.length > IMAGE_LIMITS.bytes) return refuse('image-too-large');
	// Before file-type, which names an SVG with an XML declaration plain XML.
	if (looksLikeSvg(bytes)) return refuse('image-svg');
	const detected = await fileTypeFromBuffer(bytes);
	if (!detected) return refuse('image-type');
	if (detected.mime === 'image/svg+xml') return refuse('image-svg');
	const mime = IMAGE_TYPES.find((t) => t === detected.mime);
	if (!mime) return refuse('image-type');
	const shape = structure(mime, bytes);
	if (shape === 'truncated') return refuse('image-truncated');
	if (shape === 'trailing') return refuse('image-trailing-data');
	let width: number | undefined;
	let height: number | undefined;
	try {
		({ width, height } = imageSize(bytes));
	} catch {
		return refuse('image-truncated');
	}
	if (!width || !height) return refuse('image-truncated');
	if (width > IMAGE_LIMITS.side || height > IMAGE_LIMITS.side) return refuse('image-dimensions');
	if (width * height > IMAGE_LIMITS.pixels) return refuse('image-too-many-pixels');
	return { ok: true, image: { mime, width, height } };
}

/**
 * Small real image files for tests (unit, integration, e2e): a valid PNG of any size drawn as
 * stripes, and minimal GIF, JPEG and WebP files, plus the hostile shapes the upload must refuse.
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
	return Buffer.concat([head, data, crc]);
}

/** A truecolour PNG of the size given, filled with a colour (rgb). */
export function pngImage(
	width: number,
	height: number,
	rgb: [number, number, number] = [30, 90, 200]
): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // truecolour
	const row = Buffer.alloc(1 + width * 3);
	for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
	const raw = Buffer.concat(Array.from({ length: height }, () => row));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', new Uint8Array())
	]);
}

/** A PNG whose header claims the size given, with almost no pixel data (a decompression bomb's shape). */
export function pngHeaderOnly(width: number, height: number): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8;
	ihdr[9] = 2;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(Buffer.alloc(16))),
		chunk('IEND', new Uint8Array())
	]);
}

/** A 1×1 GIF89a. */
export function gifImage(): Buffer {
	return Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
}

/** A JPEG carrying only the headers image readers need (SOI, JFIF, SOF0 of the size given, EOI). */
export function jpegImage(width = 2, height = 3): Buffer {
	const sof = Buffer.from([
		0xff,
		0xc0,
		0x00,
		0x11,
		0x08,
		height >> 8,
		height & 0xff,
		width >> 8,
		width & 0xff,
		0x03,
		0x01,
		0x22,
		0x00,
		0x02,
		0x11,
		0x01,
		0x03,
		0x11,
		0x01
	]);
	return Buffer.concat([
		Buffer.from([0xff, 0xd8]),
		Buffer.from([
			0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
			0x01, 0x00, 0x00
		]),
		sof,
		Buffer.from([0xff, 0xd9])
	]);
}

/** A lossless WebP (VP8L) header of the size given in a RIFF container of the right length. */
export function webpImage(width = 4, height = 5): Buffer {
	const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
	const vp8l = Buffer.alloc(10);
	vp8l[0] = 0x2f;
	vp8l.writeUInt32LE(bits >>> 0, 1);
	const payload = Buffer.concat([Buffer.from('VP8L'), Buffer.from([10, 0, 0, 0]), vp8l]);
	const riff = Buffer.alloc(8);
	riff.write('RIFF', 0, 'ascii');
	riff.writeUInt32LE(4 + payload.length, 4);
	return Buffer.concat([riff, Buffer.from('WEBP'), payload]);
}

export const svgImage = (): Buffer =>
	Buffer.from(
		'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
	);

/** A PNG with an HTML page appended: opens as a picture and as a web page. */
export function polyglotImage(): Buffer {
	return Buffer.concat([
		pngImage(2, 2),
		Buffer.from('<html><script>alert(document.cookie)</script></html>')
	]);
}

import { describe, expect, it } from 'vitest';
import { IMAGE_LIMITS } from '../../images/limits.ts';
import {
	gifImage,
	jpegImage,
	pngHeaderOnly,
	pngImage,
	polyglotImage,
	svgImage,
	webpImage
} from './fixtures.ts';
import { sniffImage } from './sniff.ts';

describe('sniffImage', () => {
	it('recognises the four formats by their bytes, with their dimensions', async () => {
		expect(await sniffImage(pngImage(7, 3))).toEqual({
			ok: true,
			image: { mime: 'image/png', width: 7, height: 3 }
		});
		expect(await sniffImage(gifImage())).toEqual({
			ok: true,
			image: { mime: 'image/gif', width: 1, height: 1 }
		});
		expect(await sniffImage(jpegImage(2, 3))).toEqual({
			ok: true,
			image: { mime: 'image/jpeg', width: 2, height: 3 }
		});
		expect(await sniffImage(webpImage(4, 5))).toEqual({
			ok: true,
			image: { mime: 'image/webp', width: 4, height: 5 }
		});
	});

	it('refuses SVG, other types and empty files', async () => {
		expect(await sniffImage(svgImage())).toEqual({ ok: false, code: 'image-svg' });
		expect(await sniffImage(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toEqual({
			ok: false,
			code: 'image-type'
		});
		expect(await sniffImage(Buffer.from('<html><body>hi</body></html>'))).toEqual({
			ok: false,
			code: 'image-type'
		});
		expect(await sniffImage(new Uint8Array())).toEqual({ ok: false, code: 'image-empty' });
	});

	it('refuses truncated files and bytes appended after the picture (polyglots)', async () => {
		const png = pngImage(20, 20);
		expect(await sniffImage(png.subarray(0, png.length - 20))).toEqual({
			ok: false,
			code: 'image-truncated'
		});
		expect(await sniffImage(polyglotImage())).toEqual({ ok: false, code: 'image-trailing-data' });
		const jpeg = jpegImage();
		expect(await sniffImage(jpeg.subarray(0, jpeg.length - 2))).toEqual({
			ok: false,
			code: 'image-truncated'
		});
		expect(await sniffImage(Buffer.concat([jpeg, Buffer.from('PK\x03\x04zip')]))).toEqual({
			ok: false,
			code: 'image-trailing-data'
		});
		expect(await sniffImage(Buffer.concat([webpImage(), Buffer.from('<script>')]))).toEqual({
			ok: false,
			code: 'image-trailing-data'
		});
		expect(await sniffImage(gifImage().subarray(0, 20))).toEqual({
			ok: false,
			code: 'image-truncated'
		});
	});

	it('refuses huge dimensions before anything decodes them', async () => {
		expect(await sniffImage(pngHeaderOnly(IMAGE_LIMITS.side + 1, 10))).toEqual({
			ok: false,
			code: 'image-dimensions'
		});
		expect(await sniffImage(pngHeaderOnly(9000, 9000))).toEqual({
			ok: false,
			code: 'image-too-many-pixels'
		});
		expect((await sniffImage(pngHeaderOnly(6000, 6000))).ok).toBe(true);
	});

	it('refuses files over the byte cap without reading them', async () => {
		expect(await sniffImage(new Uint8Array(IMAGE_LIMITS.bytes + 1))).toEqual({
			ok: false,
			code: 'image-too-large'
		});
	});
});

/** Upload refusals (limits.ts codes) in the user's language; the server sends them, the editor shows them. */
import { m } from '#lib/paraglide/messages.js';
import { IMAGE_LIMITS, type ImageRefusal } from './limits.ts';

const MIB = 1024 * 1024;

export function imageRefusalMessage(code: ImageRefusal | string): string {
	switch (code) {
		case 'image-empty':
			return m.images_error_empty();
		case 'image-too-large':
			return m.images_error_too_large({ max: String(IMAGE_LIMITS.bytes / MIB) });
		case 'image-type':
			return m.images_error_type();
		case 'image-svg':
			return m.images_error_svg();
		case 'image-truncated':
			return m.images_error_truncated();
		case 'image-trailing-data':
			return m.images_error_trailing();
		case 'image-dimensions':
			return m.images_error_dimensions({ side: String(IMAGE_LIMITS.side) });
		case 'image-too-many-pixels':
			return m.images_error_pixels({ max: String(IMAGE_LIMITS.pixels / 1_000_000) });
		case 'image-forbidden':
			return m.images_error_forbidden();
		default:
			return m.images_error_failed();
	}
}

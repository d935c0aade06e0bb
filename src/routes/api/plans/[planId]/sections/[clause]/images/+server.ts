/**
 * POST (raw body: the image file's bytes): keeps an image for a section's prose. Only those who
 * may write the section, or suggest on it (修订: a suggested picture needs its bytes kept); the bytes decide what it is (sniff.ts), the name and declared type are
 * never read. 201 with { hash, mime, width, height }; refusals are 4xx { code, message } in the
 * user's language and one log line each.
 */
import { error, json } from '@sveltejs/kit';
import { IMAGE_LIMITS, imageUrl, type ImageRefusal } from '#lib/images/limits.ts';
import { imageRefusalMessage } from '#lib/images/messages.ts';
import { collabAccess, sectionAccess } from '#lib/server/access.ts';
import { requireApiMember } from '#lib/server/api.ts';
import { sniffImage } from '#lib/server/images/sniff.ts';
import { saveImage } from '#lib/server/images/store.ts';
import { logger } from '#lib/server/log.ts';
import { readUpload } from '#lib/server/verify/upload.ts';
import type { RequestHandler } from './$types';

const log = logger('images');

function refused(status: number, code: ImageRefusal | 'image-forbidden') {
	return json({ code, message: imageRefusalMessage(code) }, { status });
}

export const POST: RequestHandler = async (event) => {
	const { user, plan } = requireApiMember(event);
	const clause = event.params.clause;
	const where = { planId: plan.id, clause, userId: user.id };
	if (
		sectionAccess(user.id, plan.id, clause) !== 'write' &&
		collabAccess(user.id, plan.id, clause) !== 'suggest'
	) {
		log.warn(where, 'image upload refused: no write access');
		return refused(403, 'image-forbidden');
	}
	let bytes: Uint8Array;
	try {
		bytes = await readUpload(event, IMAGE_LIMITS.bytes);
	} catch (cause) {
		const status = (cause as { status?: number }).status;
		if (status === 413) {
			log.warn(where, 'image upload refused: too large');
			return refused(413, 'image-too-large');
		}
		if (status === 400 && event.request.headers.get('content-length') === '0') {
			log.warn(where, 'image upload refused: empty');
			return refused(400, 'image-empty');
		}
		if (status) {
			log.warn({ ...where, status }, 'image upload refused: unreadable body');
			error(status, { message: 'upload unreadable' });
		}
		throw cause;
	}
	const sniffed = await sniffImage(bytes);
	if (!sniffed.ok) {
		log.warn({ ...where, code: sniffed.code, size: bytes.length }, 'image upload refused');
		return refused(sniffed.code === 'image-too-large' ? 413 : 415, sniffed.code);
	}
	const hash = saveImage({ planId: plan.id, clause, userId: user.id, bytes, image: sniffed.image });
	log.info({ ...where, hash, size: bytes.length, mime: sniffed.image.mime }, 'image stored');
	return json({ hash, url: imageUrl(plan.id, hash), ...sniffed.image }, { status: 201 });
};

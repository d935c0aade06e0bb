/**
 * GET: one image of a plan, to those who may read it (policy: canReadImage). The bytes are
 * checked against their hash on every read; the response is the sniffed type, `nosniff`, a CSP
 * that allows nothing (a picture opened on its own runs no script), and cached privately for good
 * (the URL is the content's hash). Not a member: 404, like every plan route; a member who may not
 * read it: 403; an altered row: 500 and an audit entry.
 */
import { error } from '@sveltejs/kit';
import { isImageHash } from '#lib/images/limits.ts';
import { requireApiMember } from '#lib/server/api.ts';
import { mayReadImage } from '#lib/server/images/access.ts';
import { loadImage } from '#lib/server/images/store.ts';
import { logger } from '#lib/server/log.ts';
import type { RequestHandler } from './$types';

const log = logger('images');

export const GET: RequestHandler = async (event) => {
	const { user, plan, membership } = requireApiMember(event);
	const hash = event.params.hash;
	if (!isImageHash(hash)) error(404, { message: 'not found' });
	if (!mayReadImage(plan.id, membership, hash)) {
		log.warn({ planId: plan.id, userId: user.id, hash }, 'image read refused');
		error(403, { message: 'forbidden' });
	}
	const headers = {
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': "default-src 'none'; sandbox",
		'Cache-Control': 'private, max-age=31536000, immutable',
		ETag: `"${hash}"`
	};
	if (event.request.headers.get('if-none-match') === `"${hash}"`)
		return new Response(null, { status: 304, headers });
	const loaded = await loadImage(plan.id, hash);
	if (!loaded.ok) {
		if (loaded.reason === 'missing') error(404, { message: 'not found' });
		error(500, { message: 'integrity' });
	}
	return new Response(Buffer.from(loaded.image.bytes), {
		headers: {
			...headers,
			'Content-Type': loaded.image.mime,
			'Content-Length': String(loaded.image.bytes.length)
		}
	});
};

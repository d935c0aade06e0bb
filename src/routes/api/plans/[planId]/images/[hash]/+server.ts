/**
 * GET: one image of a plan, to those who may read it (policy: canReadImage); served by
 * serveImage (verify-on-read, nosniff, a CSP that allows nothing, private immutable caching). Not
 * a member: 404, like every plan route; a member who may not read it: 403; an altered row: 500
 * and an audit entry.
 */
import { error } from '@sveltejs/kit';
import { isImageHash } from '#lib/images/limits.ts';
import { requireApiMember } from '#lib/server/api.ts';
import { mayReadImage } from '#lib/server/images/access.ts';
import { serveImage } from '#lib/server/images/serve.ts';
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
	return serveImage(event.request, plan.id, hash);
};

/**
 * GET: one image of the frozen version a public consultation link shows, to holders of the link
 * (no session: the token is the credential, checked as the page checks it). Only images that
 * version shows are served — any other image of the plan, a malformed hash or an unknown token is
 * a 404 — and they are served as the member route serves them (serveImage: verify-on-read,
 * nosniff, a CSP that allows nothing, private caching).
 */
import { error } from '@sveltejs/kit';
import { isImageHash } from '#lib/images/limits.ts';
import { requirePublicRound } from '#lib/server/consultation/public-round.ts';
import { inVersion } from '#lib/server/images/access.ts';
import { serveImage } from '#lib/server/images/serve.ts';
import { logger } from '#lib/server/log.ts';
import type { RequestHandler } from './$types';

const log = logger('images');

export const GET: RequestHandler = async (event) => {
	const round = requirePublicRound(event.params.token);
	const hash = event.params.hash;
	if (!isImageHash(hash) || !inVersion(round.versionId, hash)) {
		log.warn({ roundId: round.id, hash }, 'public image read refused');
		error(404, { message: 'not found' });
	}
	return serveImage(event.request, round.planId, hash);
};

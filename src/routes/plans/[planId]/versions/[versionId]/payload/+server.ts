/**
 * The exact bytes a version's hash is computed over (canonical JSON), so anyone can recompute it:
 * `curl … | sha256sum` gives the hash the pages show.
 */
import { requireVersion } from '../access.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { version, payload } = requireVersion(event);
	return new Response(payload, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="lantu-${version.activity}-v${version.seq}-${version.hash.slice(0, 12)}.json"`,
			'x-content-sha256': version.hash,
			'cache-control': 'private, no-store'
		}
	});
};

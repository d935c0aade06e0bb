/**
 * The exact bytes a version's hash is computed over (canonical JSON), so anyone can recompute it:
 * `curl … | sha256sum` gives the hash the pages show. Bytes that no longer match are refused (409)
 * rather than served under the recorded hash.
 */
import { m } from '#lib/paraglide/messages.js';
import { requireVersion } from '../access.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { version, verified } = requireVersion(event);
	if (!verified.ok)
		return new Response(
			m.integrity_refused({
				recorded: verified.failure.recorded,
				computed: verified.failure.computed ?? '—'
			}),
			{ status: 409, headers: { 'content-type': 'text/plain; charset=utf-8' } }
		);
	return new Response(verified.text, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="lantu-${version.activity}-v${version.seq}-${version.hash.slice(0, 12)}.json"`,
			'x-content-sha256': version.hash,
			'cache-control': 'private, no-store'
		}
	});
};

/**
 * The response for one stored image, once the caller has decided the reader may see it (the
 * member route by policy, the public consultation route by the round's token). The bytes are
 * checked against their hash on every read; the response is the stored (sniffed) type, `nosniff`,
 * a CSP that allows nothing (a picture opened on its own runs no script), and cached privately for
 * good (the URL is the content's hash). Missing: 404; an altered row: 500 (loadImage audits it).
 */
import { error } from '@sveltejs/kit';
import { loadImage } from './store.ts';

export async function serveImage(
	request: Request,
	planId: number,
	hash: string
): Promise<Response> {
	const headers = {
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': "default-src 'none'; sandbox",
		'Cache-Control': 'private, max-age=31536000, immutable',
		ETag: `"${hash}"`
	};
	if (request.headers.get('if-none-match') === `"${hash}"`)
		return new Response(null, { status: 304, headers });
	const loaded = await loadImage(planId, hash);
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
}

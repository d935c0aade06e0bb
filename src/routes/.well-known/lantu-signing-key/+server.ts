/**
 * GET /.well-known/lantu-signing-key: this instance's public signing key (PEM), with its
 * fingerprint in a header; `?format=json` gives { algorithm, fingerprint, pem }. Public: it is what
 * a citizen needs to check an exported 定稿 offline (`npm run verify -- FILE --key KEY.pem`).
 */
import { json } from '@sveltejs/kit';
import { instanceKey } from '#lib/server/verify/key.ts';
import { formatFingerprint } from '#lib/server/verify/statement.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const key = instanceKey();
	if (url.searchParams.get('format') === 'json')
		return json({
			algorithm: 'Ed25519',
			fingerprint: key.fingerprint,
			fingerprintDisplay: formatFingerprint(key.fingerprint),
			pem: key.publicKeyPem
		});
	return new Response(key.publicKeyPem, {
		headers: {
			'content-type': 'application/x-pem-file; charset=utf-8',
			'content-disposition': 'inline; filename="lantu-signing-key.pem"',
			'x-lantu-key-fingerprint': key.fingerprint,
			'cache-control': 'public, max-age=300'
		}
	});
};

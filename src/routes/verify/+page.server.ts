/** /verify: public (no login) — the instance's key fingerprint, and a pasted hash looked up. */
import { z } from 'zod';
import { instanceKey } from '#lib/server/verify/key.ts';
import { lookupHash } from '#lib/server/verify/service.ts';
import { formatFingerprint } from '#lib/server/verify/statement.ts';
import type { PageServerLoad } from './$types';

const hashQuery = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[0-9a-f]{64}$/);

export const load: PageServerLoad = ({ url }) => {
	const raw = url.searchParams.get('hash');
	const parsed = raw === null ? undefined : hashQuery.safeParse(raw);
	return {
		fingerprint: formatFingerprint(instanceKey().fingerprint),
		hash:
			parsed === undefined
				? null
				: parsed.success
					? { query: parsed.data, valid: true, found: lookupHash(parsed.data) }
					: { query: raw!.slice(0, 100), valid: false, found: [] }
	};
};

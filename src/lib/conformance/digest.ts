/**
 * The digest a manual confirmation is bound to: SHA-256 over the section's content (body, items,
 * block rows) as canonical JSON. The server stores it when a reviewer confirms; the server and the
 * browser recompute it on every evaluation, so any later change of what the reviewer looked at
 * makes the confirmation stale. Synchronous and isomorphic (no Web Crypto: the section page
 * evaluates live on every edit).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { canonicalJson } from '../canonical-json.ts';
import type { SectionData } from './types.ts';

export function sectionDigest(section: SectionData): string {
	const content = canonicalJson({ body: section.body, items: section.items, data: section.data });
	return encodeHexLowerCase(sha256(new TextEncoder().encode(content)));
}

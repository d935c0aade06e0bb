/**
 * Who proposed a suggestion, and when (issue 17). The suggest-changes library's marks carry one
 * attribute, `id`, and everything with the same id is one suggestion (accepted or rejected
 * together). y-prosemirror syncs that attribute with the text, so Lantu writes the author into the
 * id itself: `s1:<userId>:<organizationId>:<epoch ms>:<nonce>[:<name>]`. The collaboration server
 * checks that a suggest-only connection's new ids name its own user (suggest-guard.ts), and the
 * page names authors and departments from the plan's members. `name` (URI-encoded) is only
 * written for authors who are no Lantu user — e.g. a Word revision's `w:author` (userId 0).
 */
import { z } from 'zod';

export interface SuggestionAuthor {
	/** 0: not a user of this instance (an imported revision); `name` says who. */
	userId: number;
	organizationId: number;
	/** Epoch milliseconds. */
	at: number;
	name?: string;
}

const PREFIX = 's1';

const partsSchema = z.tuple([
	z.literal(PREFIX),
	z.string().regex(/^\d{1,9}$/),
	z.string().regex(/^\d{1,9}$/),
	z.string().regex(/^\d{1,15}$/),
	z.string().regex(/^[A-Za-z0-9_-]{1,32}$/)
]);

function nonce(): string {
	const bytes = new Uint8Array(6);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/** A fresh id for a suggestion by this author now. */
export function suggestionId(author: SuggestionAuthor): string {
	const parts = [PREFIX, author.userId, author.organizationId, Math.trunc(author.at), nonce()];
	if (author.name) parts.push(encodeURIComponent(author.name));
	return parts.join(':');
}

/** The author an id names, or null for ids Lantu did not write (e.g. the library's numbers). */
export function parseSuggestionId(id: unknown): SuggestionAuthor | null {
	if (typeof id !== 'string' || id.length > 400) return null;
	const parts = id.split(':');
	const head = partsSchema.safeParse(parts.slice(0, 5));
	if (!head.success || parts.length > 6) return null;
	const [, userId, organizationId, at] = head.data;
	let name: string | undefined;
	if (parts.length === 6) {
		try {
			name = decodeURIComponent(parts[5]);
		} catch {
			return null;
		}
	}
	return {
		userId: Number(userId),
		organizationId: Number(organizationId),
		at: Number(at),
		...(name ? { name } : {})
	};
}

/**
 * Comment bodies are plain text (DESIGN.md §4). Rendering never goes through HTML: a body is cut
 * into segments — text, http(s) links, @mentions of plan members — that components render as text
 * nodes and `<a>` elements, so whatever is typed stays inert.
 */

export interface MentionTarget {
	id: number;
	name: string;
}

export type Segment =
	| { kind: 'text'; text: string }
	| { kind: 'link'; text: string; href: string }
	| { kind: 'mention'; text: string; userId: number };

const URL_PATTERN = /https?:\/\/[^\s<>"'`，。；：！？、（）《》【】「」]+/gi;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}'"]+$/;
const MENTION_SIGNS = ['@', '＠'];

/** The http(s) URL a piece of text is, or null (other schemes such as javascript: never link). */
export function safeHref(text: string): string | null {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

function linkSegments(text: string): Segment[] {
	const out: Segment[] = [];
	let last = 0;
	for (const match of text.matchAll(URL_PATTERN)) {
		const raw = match[0].replace(TRAILING, '');
		const href = safeHref(raw);
		if (!href || raw.length === 0) continue;
		const index = match.index;
		if (index > last) out.push({ kind: 'text', text: text.slice(last, index) });
		out.push({ kind: 'link', text: raw, href });
		last = index + raw.length;
	}
	if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
	return out;
}

/** Members by name, longest first, so 「李晓明」 wins over 「李晓」 when both exist. */
function byLongestName(members: readonly MentionTarget[]): MentionTarget[] {
	return members.filter((m) => m.name.length > 0).sort((a, b) => b.name.length - a.name.length);
}

/** Where the body mentions a member: `@` (or full-width `＠`) directly followed by their name. */
function mentionHits(body: string, members: readonly MentionTarget[]) {
	const sorted = byLongestName(members);
	const hits: { index: number; length: number; member: MentionTarget }[] = [];
	for (let i = 0; i < body.length; i++) {
		if (!MENTION_SIGNS.includes(body[i])) continue;
		const member = sorted.find((m) => body.startsWith(m.name, i + 1));
		if (!member) continue;
		hits.push({ index: i, length: member.name.length + 1, member });
		i += member.name.length;
	}
	return hits;
}

/** The ids of the members a body mentions, each once, in order of first mention. */
export function findMentions(body: string, members: readonly MentionTarget[]): number[] {
	return [...new Set(mentionHits(body, members).map((h) => h.member.id))];
}

/** A body as segments to render: text, safe links, and mentions of the given members. */
export function bodySegments(body: string, mentioned: readonly MentionTarget[] = []): Segment[] {
	const out: Segment[] = [];
	let last = 0;
	for (const hit of mentionHits(body, mentioned)) {
		if (hit.index > last) out.push(...linkSegments(body.slice(last, hit.index)));
		out.push({
			kind: 'mention',
			text: body.slice(hit.index, hit.index + hit.length),
			userId: hit.member.id
		});
		last = hit.index + hit.length;
	}
	if (last < body.length) out.push(...linkSegments(body.slice(last)));
	return out;
}

/**
 * The body as stored: line endings normalised, control characters other than newline and tab
 * removed, surrounding blank space trimmed.
 */
export function normalizeBody(body: string): string {
	return (
		body
			.replace(/\r\n?/g, '\n')
			// eslint-disable-next-line no-control-regex -- removing control characters is the point
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
			.trim()
	);
}

/** The `@query` being typed just before `caret`, for the member picker; null when none. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
	const before = text.slice(0, caret);
	for (let i = before.length - 1; i >= 0 && before.length - i <= 20; i--) {
		const ch = before[i];
		if (MENTION_SIGNS.includes(ch)) {
			const query = before.slice(i + 1);
			return /\s/.test(query) ? null : { start: i, query };
		}
		if (/\s/.test(ch)) return null;
	}
	return null;
}

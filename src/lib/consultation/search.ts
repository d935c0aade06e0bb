/**
 * Word search over a round's opinions (issue 15): Chinese has no spaces, so a substring scan would
 * be the only other way and it reads every row per query. Each opinion is split into words once,
 * when it is written, with `Intl.Segmenter` (ICU's dictionary segmenter, in Node and browsers
 * alike); the words, joined by spaces, go into an SQLite FTS5 table whose unicode61 tokenizer
 * splits on those spaces only (server/consultation/search-index.ts). A query is split the same way
 * and every word must be present. “数据” finds an opinion that uses 数据 as a word (数据共享); like
 * any word search it does not find it inside another word (大数据局).
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a text, lower-cased, punctuation and spaces left out. */
export function wordsOf(text: string): string[] {
	const out: string[] = [];
	for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase()))
		if (s.isWordLike) out.push(s.segment);
	return out;
}

/** What the full-text table stores of a text: its distinct words, space-separated. */
export function segmentedText(text: string): string {
	return [...new Set(wordsOf(text))].join(' ');
}

/**
 * An FTS5 MATCH expression requiring every word of the query (null for a query without words).
 * Each word is a quoted string, so nothing a user types is read as FTS5 syntax (AND, NEAR, *, ^);
 * a word the tokenizer itself splits (3.5, e-mail) becomes a phrase of its parts, as it was stored.
 */
export function matchExpression(query: string): string | null {
	const words = [...new Set(wordsOf(query))];
	if (words.length === 0) return null;
	return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
}

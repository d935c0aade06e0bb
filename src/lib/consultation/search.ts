/**
 * Word search over a round's opinions (issue 15): Chinese has no spaces, so a substring scan would
 * be the only other way and it reads every row per query. Opinions are split into words once with
 * `Intl.Segmenter` (ICU's dictionary segmenter, in Node and browsers alike) into an inverted index;
 * a query is split the same way and its words intersected. “数据” finds an opinion that uses 数据 as a
 * word (数据共享); like any word search it does not find it inside another word (大数据局).
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a text, lower-cased, punctuation and spaces left out. */
export function wordsOf(text: string): string[] {
	const out: string[] = [];
	for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase()))
		if (s.isWordLike) out.push(s.segment);
	return out;
}

export class WordIndex<K> {
	#postings = new Map<string, Set<K>>();

	add(key: K, text: string): void {
		for (const word of wordsOf(text)) {
			let set = this.#postings.get(word);
			if (!set) this.#postings.set(word, (set = new Set()));
			set.add(key);
		}
	}

	/** Keys holding every word of the query (empty for a query without words). */
	search(query: string): Set<K> {
		const words = [...new Set(wordsOf(query))];
		if (words.length === 0) return new Set();
		const sets = words.map((w) => this.#postings.get(w) ?? new Set<K>());
		sets.sort((a, b) => a.size - b.size);
		const [smallest, ...rest] = sets;
		return new Set([...(smallest ?? [])].filter((k) => rest.every((s) => s.has(k))));
	}
}

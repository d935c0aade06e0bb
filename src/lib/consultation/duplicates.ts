/**
 * Near-duplicate opinions (issue 15): campaigns send the same text with small changes, and a
 * department answers them once (合并处理). Each opinion becomes the set of its character 3-grams;
 * bloom-filters' MinHash estimates the Jaccard similarity of two sets from 64-value signatures, and
 * locality-sensitive hashing (16 bands of 4 values) finds candidate pairs without comparing every
 * pair. Pairs at or above the threshold are joined (union-find) into groups; `DuplicateIndex` adds
 * opinions one at a time as they arrive.
 */
import { MinHashFactory } from 'bloom-filters';

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const MAX_VALUE = 2_147_483_646;

/** FNV-1a of a string, as a non-negative 31-bit number. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 1) % MAX_VALUE;
}

/** Character 3-grams of the text's letters and digits (punctuation and spaces do not count). */
export function shingles(text: string): number[] {
	const chars = [
		...text
			.normalize('NFKC')
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]/gu, '')
	];
	if (chars.length < 3) return chars.length > 0 ? [hash(chars.join(''))] : [];
	const out = new Set<number>();
	for (let i = 0; i + 3 <= chars.length; i++) out.add(hash(chars.slice(i, i + 3).join('')));
	return [...out];
}

/**
 * Near-duplicate groups kept up to date as opinions arrive: each `add` signs one text and joins it
 * to the groups its LSH buckets meet, so a round of 10,000 opinions is signed once, not per view.
 * One factory (one set of random hash functions) signs every text of an index: only signatures of
 * the same factory compare.
 */
export class DuplicateIndex<K> {
	readonly #threshold: number;
	readonly #factory = new MinHashFactory(HASHES, MAX_VALUE);
	readonly #signed: { key: K; sketch: ReturnType<MinHashFactory['create']> }[] = [];
	readonly #parent: number[] = [];
	readonly #buckets = new Map<string, number>();
	#groups: K[][] | null = null;

	constructor(threshold = 0.7) {
		this.#threshold = threshold;
	}

	#find(i: number): number {
		const parent = this.#parent;
		while (parent[i] !== i) i = parent[i] = parent[parent[i]];
		return i;
	}

	add(key: K, text: string): void {
		const values = shingles(text);
		if (values.length === 0) return;
		const sketch = this.#factory.create();
		sketch.bulkLoad(values);
		const i = this.#signed.push({ key, sketch }) - 1;
		this.#parent.push(i);
		this.#groups = null;
		for (let b = 0; b < BANDS; b++) {
			const band = `${b}:${sketch._signature.slice(b * ROWS, (b + 1) * ROWS).join(',')}`;
			// Each bucket keeps its first member: a newcomer is compared with it once.
			const first = this.#buckets.get(band);
			if (first === undefined) {
				this.#buckets.set(band, i);
				continue;
			}
			if (this.#find(i) === this.#find(first)) continue;
			if (this.#signed[first].sketch.compareWith(sketch) >= this.#threshold)
				this.#parent[this.#find(i)] = this.#find(first);
		}
	}

	/** Groups of two or more keys, largest first. */
	groups(): K[][] {
		if (this.#groups) return this.#groups;
		const byRoot = new Map<number, K[]>();
		this.#signed.forEach(({ key }, i) => {
			const root = this.#find(i);
			const group = byRoot.get(root);
			if (group) group.push(key);
			else byRoot.set(root, [key]);
		});
		this.#groups = [...byRoot.values()]
			.filter((g) => g.length > 1)
			.sort((a, b) => b.length - a.length);
		return this.#groups;
	}
}

/** Groups (two or more keys each, largest first) of texts whose similarity reaches `threshold`. */
export function nearDuplicateGroups<K>(
	items: readonly { key: K; text: string }[],
	threshold = 0.7
): K[][] {
	const index = new DuplicateIndex<K>(threshold);
	for (const item of items) index.add(item.key, item.text);
	return index.groups();
}

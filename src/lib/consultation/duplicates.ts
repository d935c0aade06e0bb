/**
 * Near-duplicate opinions (issue 15): campaigns send the same text with small changes, and a
 * department answers them once (合并处理). Each opinion becomes the set of its character 3-grams;
 * bloom-filters' MinHash estimates the Jaccard similarity of two sets from 64-value signatures, and
 * locality-sensitive hashing (16 bands of 4 values) finds candidate pairs without comparing every
 * pair, so 10,000 opinions group in well under a second. Pairs at or above the threshold are joined
 * (union-find) into groups.
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

/** Groups (two or more keys each, largest first) of texts whose similarity reaches `threshold`. */
export function nearDuplicateGroups<K>(
	items: readonly { key: K; text: string }[],
	threshold = 0.7
): K[][] {
	const factory = new MinHashFactory(HASHES, MAX_VALUE);
	const signed = items.flatMap((item) => {
		const values = shingles(item.text);
		if (values.length === 0) return [];
		const sketch = factory.create();
		sketch.bulkLoad(values);
		return [{ key: item.key, sketch }];
	});
	const parent = signed.map((_, i) => i);
	const find = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]];
		return i;
	};
	const buckets = new Map<string, number[]>();
	signed.forEach(({ sketch }, i) => {
		for (let b = 0; b < BANDS; b++) {
			const band = `${b}:${sketch._signature.slice(b * ROWS, (b + 1) * ROWS).join(',')}`;
			const bucket = buckets.get(band);
			if (bucket) bucket.push(i);
			else buckets.set(band, [i]);
		}
	});
	for (const bucket of buckets.values()) {
		if (bucket.length < 2) continue;
		const [first, ...rest] = bucket;
		for (const i of rest) {
			if (find(i) === find(first)) continue;
			if (signed[first].sketch.compareWith(signed[i].sketch) >= threshold)
				parent[find(i)] = find(first);
		}
	}
	const groups = new Map<number, K[]>();
	signed.forEach(({ key }, i) => {
		const root = find(i);
		groups.set(root, [...(groups.get(root) ?? []), key]);
	});
	return [...groups.values()].filter((g) => g.length > 1).sort((a, b) => b.length - a.length);
}

/**
 * Near-duplicate opinions (issue 15): campaigns send the same text with small changes, and a
 * department answers them once (合并处理). Each opinion becomes the set of its character 3-grams;
 * bloom-filters' MinHash estimates the Jaccard similarity of two sets from 64-value signatures, and
 * locality-sensitive hashing (16 bands of 4 values) finds candidate pairs without comparing every
 * pair. Pairs at or above the threshold are joined (union-find) into groups.
 *
 * Signatures are stored with each opinion when it is written, so the hash functions are fixed (a
 * seeded generator, not the library factory's Math.random): a signature made today compares with
 * one made after a restart or on another instance.
 */
import { MinHash } from 'bloom-filters';

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const MAX_VALUE = 2_147_483_646;
/** The first prime above MAX_VALUE (2³¹ − 1), the modulus bloom-filters' factory would pick. */
const PRIME = 2_147_483_647;

/** mulberry32: a small fixed-seed generator for the hash functions' coefficients. */
function coefficients(seed: number, n: number): number[] {
	let a = seed >>> 0;
	const out: number[] = [];
	for (let i = 0; i < n; i++) {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		out.push((((t ^ (t >>> 14)) >>> 0) % MAX_VALUE) + 1);
	}
	return out;
}

const A = coefficients(0x1a27, HASHES);
const B = coefficients(0x5eed, HASHES);
const HASH_FUNCTIONS = A.map((a, i) => ({ a, b: B[i], c: PRIME }));

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

/** The text's MinHash signature (64 values; empty for a text without letters or digits). */
export function signatureOf(text: string): Uint32Array {
	const values = shingles(text);
	if (values.length === 0) return new Uint32Array(0);
	const sketch = new MinHash(HASHES, HASH_FUNCTIONS);
	sketch.bulkLoad(values);
	return Uint32Array.from(sketch._signature);
}

/** A signature as stored (little-endian uint32s) and back. */
export function signatureBytes(signature: Uint32Array): Buffer {
	const out = Buffer.alloc(signature.length * 4);
	signature.forEach((v, i) => out.writeUInt32LE(v, i * 4));
	return out;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const out = new Uint32Array(Math.floor(buf.length / 4));
	for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
	return out;
}

function similarity(a: Uint32Array, b: Uint32Array): number {
	let same = 0;
	for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
	return same / HASHES;
}

/**
 * Groups (two or more keys each, largest first; ties in input order) of signed texts whose
 * estimated similarity reaches `threshold`. Each LSH bucket keeps its first member and a newcomer
 * is compared with it once, so 10,000 signatures take milliseconds.
 */
export function groupSignatures<K>(
	items: readonly { key: K; signature: Uint32Array }[],
	threshold = 0.7
): K[][] {
	const signed = items.filter((i) => i.signature.length === HASHES);
	const parent = signed.map((_, i) => i);
	const find = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]];
		return i;
	};
	const buckets = new Map<string, number>();
	signed.forEach(({ signature }, i) => {
		for (let b = 0; b < BANDS; b++) {
			const band = `${b}:${signature.subarray(b * ROWS, (b + 1) * ROWS).join(',')}`;
			const first = buckets.get(band);
			if (first === undefined) {
				buckets.set(band, i);
				continue;
			}
			if (find(i) === find(first)) continue;
			if (similarity(signed[first].signature, signature) >= threshold)
				parent[find(i)] = find(first);
		}
	});
	const byRoot = new Map<number, K[]>();
	signed.forEach(({ key }, i) => {
		const root = find(i);
		const group = byRoot.get(root);
		if (group) group.push(key);
		else byRoot.set(root, [key]);
	});
	return [...byRoot.values()].filter((g) => g.length > 1).sort((a, b) => b.length - a.length);
}

/** Groups (two or more keys each, largest first) of texts whose similarity reaches `threshold`. */
export function nearDuplicateGroups<K>(
	items: readonly { key: K; text: string }[],
	threshold = 0.7
): K[][] {
	return groupSignatures(
		items.map((i) => ({ key: i.key, signature: signatureOf(i.text) })),
		threshold
	);
}

import { describe, expect, it } from 'vitest';
import { RenderedPages, VERIFY_EVERY_MS } from './public-page-cache.ts';

const page = (key: string, body: string, verifiedAt = 0) => ({
	key,
	versionHash: 'h',
	versionId: 1,
	body: Buffer.from(body),
	nonce: 'NONCE',
	status: 200,
	headers: [] as [string, string][],
	verifiedAt
});

describe('RenderedPages', () => {
	it('returns a page only under the key it was stored with', () => {
		const pages = new RenderedPages();
		pages.put('t', page('1|a', '<p>x</p>'));
		expect(pages.get('t', '1|a', 1)?.page.body.toString()).toBe('<p>x</p>');
		expect(pages.get('t', '2|a', 1)).toBeUndefined();
		expect(pages.get('other', '1|a', 1)).toBeUndefined();
	});

	it('finds the nonce once, in bytes', () => {
		const pages = new RenderedPages();
		pages.put('t', page('k', '<script nonce="NONCE">数</script><b nonce="NONCE">'));
		expect(pages.peek('t')?.nonceAt).toEqual([15, 44]);
	});

	it('verifies the bytes when due and drops an altered page (verify on read)', () => {
		const pages = new RenderedPages();
		pages.put('t', page('k', '<p>原文</p>', 1000));
		expect(pages.get('t', 'k', 1000 + VERIFY_EVERY_MS - 1)?.due).toBe(false);
		expect(pages.get('t', 'k', 1000 + VERIFY_EVERY_MS)?.due).toBe(true);
		const stored = pages.peek('t');
		if (!stored) throw new Error('not stored');
		stored.body.write('改', 3);
		expect(pages.get('t', 'k', 1000 + VERIFY_EVERY_MS)).toBeUndefined();
		expect(pages.peek('t')).toBeUndefined();
	});

	it('keeps a bounded number of pages, the oldest leaving first', () => {
		const pages = new RenderedPages();
		for (let i = 0; i < 70; i++) pages.put(`t${i}`, page('k', String(i)));
		expect(pages.get('t0', 'k', 1)).toBeUndefined();
		expect(pages.get('t69', 'k', 1)?.page.body.toString()).toBe('69');
	});
});

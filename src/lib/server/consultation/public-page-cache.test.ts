import { describe, expect, it } from 'vitest';
import { RenderedPages } from './public-page-cache.ts';

const page = (key: string, body: string) => ({
	key,
	versionHash: 'h',
	versionId: 1,
	body,
	nonce: null,
	status: 200,
	headers: [] as [string, string][],
	verifiedAt: 0
});

describe('RenderedPages', () => {
	it('returns a page only under the key it was stored with', () => {
		const pages = new RenderedPages();
		pages.put('t', page('1|a', '<p>x</p>'));
		expect(pages.get('t', '1|a')?.body).toBe('<p>x</p>');
		expect(pages.get('t', '2|a')).toBeUndefined();
		expect(pages.get('other', '1|a')).toBeUndefined();
	});

	it('drops a page whose bytes were altered after it was stored (verify on read)', () => {
		const pages = new RenderedPages();
		pages.put('t', page('k', '<p>原文</p>'));
		const stored = pages.peek('t');
		if (!stored) throw new Error('not stored');
		stored.body = '<p>篡改</p>';
		expect(pages.get('t', 'k')).toBeUndefined();
		expect(pages.peek('t')).toBeUndefined();
	});

	it('keeps a bounded number of pages, the oldest leaving first', () => {
		const pages = new RenderedPages();
		for (let i = 0; i < 70; i++) pages.put(`t${i}`, page('k', String(i)));
		expect(pages.get('t0', 'k')).toBeUndefined();
		expect(pages.get('t69', 'k')?.body).toBe('69');
	});
});

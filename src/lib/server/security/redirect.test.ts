import { describe, expect, it } from 'vitest';
import { sameSitePath } from './redirect.ts';

describe('sameSitePath', () => {
	it('keeps a path on this site, encoded as a header allows', () => {
		expect(sameSitePath('/plans/1?tab=a#x')).toBe('/plans/1?tab=a#x');
		expect(sameSitePath('/plans/中文')).toBe('/plans/%E4%B8%AD%E6%96%87');
		expect(sameSitePath('/a\u0000b\u0001c')).toBe('/a%00b%01c');
	});

	it('sends anything that leaves the site, or is no path, home', () => {
		for (const target of [
			null,
			undefined,
			'',
			'plans',
			'https://evil.example/',
			'//evil.example',
			'/\\evil.example',
			'/\\/evil.example'
		])
			expect(sameSitePath(target), String(target)).toBe('/');
	});
});

import { describe, expect, it } from 'vitest';
import { canonicalText } from './canonical-text.ts';

describe('the canonical text a signature’s digest is over', () => {
	it('reads a PDF’s compatibility characters as the ordinary ones', () => {
		// Chromium's CJK fonts name glyphs by Kangxi radicals (⽰) and the Radicals Supplement (⻅).
		expect(canonicalText('⽰例市意⻅征求')).toBe('示例市意见征求');
		expect(canonicalText('⻔户⻓期⻢路⻜机⻚面')).toBe('门户长期马路飞机页面');
		// Full-width punctuation and ligatures (NFKC).
		expect(canonicalText('版本：第１版（ﬁnal）')).toBe('版本:第1版(final)');
		expect(canonicalText('2026―2030 2026—2030')).toBe('2026—20302026—2030');
	});

	it('drops every whitespace and zero-width character: line breaks are layout', () => {
		expect(canonicalText(' 示例市\n智慧\t城市\u3000顶层\u200b设计\u00ad ')).toBe(
			'示例市智慧城市顶层设计'
		);
	});

	it('changes when one character is changed, added or removed', () => {
		const base = canonicalText('常住人口302万人。');
		expect(canonicalText('常住人口320万人。')).not.toBe(base);
		expect(canonicalText('常住人口3020万人。')).not.toBe(base);
		expect(canonicalText('常住人口30万人。')).not.toBe(base);
		expect(canonicalText('常住人囗302万人。')).not.toBe(base);
	});
});

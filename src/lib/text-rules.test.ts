import { describe, expect, it } from 'vitest';
import { lineText, proseText } from './forms.ts';
import { cleanProse, cleanProseDeep, hasProseControls, isCleanLine } from './text-rules.ts';

describe('text rules', () => {
	it('a single line refuses every control character and lone surrogates, keeps 4-byte characters', () => {
		expect(isCleanLine('蓝图市 𠀀😀 Lantu')).toBe(true);
		for (const bad of [
			'a\u0000',
			'a\u0001',
			'a\tb',
			'a\nb',
			'a\u007f',
			'a\ud800',
			'\udc00a',
			'a\udbff\udbff'
		])
			expect(isCleanLine(bad), JSON.stringify(bad)).toBe(false);
	});

	it('prose keeps tab, newline and CR and loses the other controls and lone surrogates', () => {
		expect(cleanProse('甲\u0000乙\u0007\u000b\u000c\u001b\u007f丙\t\r\n𠀀\ud800😀\udc00')).toBe(
			'甲乙丙\t\r\n𠀀😀'
		);
		expect(cleanProse('建议增加社区养老服务内容')).toBe('建议增加社区养老服务内容');
	});

	it('the shared schemas: a line field refuses with its code, a prose field cleans before its limits', () => {
		const line = lineText.min(1).max(10).safeParse(' 名称\u0000 ');
		expect(line.error?.issues[0].message).toBe('error:text-control');
		expect(lineText.min(1).max(10).parse(' 名称𠀀 ')).toBe('名称𠀀');
		expect(proseText.max(5).parse(' 甲\u0000\u0001乙丙 ')).toBe(' 甲乙丙 ');
		expect(proseText.trim().max(3).parse(' 甲\u0000\u0001乙丙 ')).toBe('甲乙丙');
		expect(
			proseText.trim().min(1, 'error:empty').safeParse('\u0000 ').error?.issues[0].message
		).toBe('error:empty');
	});
});

describe('cleanProseDeep (what exports render)', () => {
	it('cleans every string of plain objects and arrays, and keeps bytes and other objects', () => {
		const bytes = new Uint8Array([0, 7]);
		const when = new Date(0);
		const model = {
			title: '标题\u0007',
			blocks: [{ text: 'a\u0000b\tc' }],
			image: { bytes },
			when,
			n: 3
		};
		const out = cleanProseDeep(model);
		expect(out).toEqual({
			title: '标题',
			blocks: [{ text: 'ab\tc' }],
			image: { bytes },
			when,
			n: 3
		});
		expect(out.image.bytes).toBe(bytes);
		expect(model.title).toBe('标题\u0007'); // a copy: shared constants are never changed
	});

	it('tells control characters apart from text', () => {
		expect(hasProseControls('甲\t乙\n丙\r😀')).toBe(false);
		expect(hasProseControls('\u000b')).toBe(true);
		expect(hasProseControls('\u007f')).toBe(true);
	});
});

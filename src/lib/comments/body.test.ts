import { describe, expect, it } from 'vitest';
import { bodySegments, findMentions, mentionQuery, normalizeBody, safeHref } from './body.ts';

const members = [
	{ id: 1, name: '李晓' },
	{ id: 2, name: '李晓明' },
	{ id: 3, name: '张丽华' }
];

describe('links', () => {
	it('links only http(s) URLs and leaves trailing punctuation outside', () => {
		expect(bodySegments('见 https://example.org/a?b=1。谢谢')).toEqual([
			{ kind: 'text', text: '见 ' },
			{ kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
			{ kind: 'text', text: '。谢谢' }
		]);
		expect(bodySegments('see http://a.test/x).')[1]).toMatchObject({ href: 'http://a.test/x' });
	});

	it('never links other schemes', () => {
		for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x']) {
			expect(bodySegments(text)).toEqual([{ kind: 'text', text }]);
			expect(safeHref(text)).toBeNull();
		}
	});

	it('keeps markup as text', () => {
		const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
		expect(bodySegments(payload)).toEqual([{ kind: 'text', text: payload }]);
	});
});

describe('mentions', () => {
	it('finds members by their longest matching name, each once', () => {
		expect(findMentions('@李晓明 请看，@张丽华 和 ＠李晓明 也看', members)).toEqual([2, 3]);
		expect(findMentions('@李晓 你好', members)).toEqual([1]);
		expect(findMentions('邮件 a@b.com，@某人', members)).toEqual([]);
	});

	it('segments mentions apart from text and links', () => {
		expect(bodySegments('@张丽华 见 https://x.test', [members[2]])).toEqual([
			{ kind: 'mention', text: '@张丽华', userId: 3 },
			{ kind: 'text', text: ' 见 ' },
			{ kind: 'link', text: 'https://x.test', href: 'https://x.test/' }
		]);
	});

	it('knows the query being typed after @', () => {
		expect(mentionQuery('请 @李', 4)).toEqual({ start: 2, query: '李' });
		expect(mentionQuery('请 @李 看', 6)).toBeNull();
		expect(mentionQuery('无', 1)).toBeNull();
	});
});

it('normalises line endings and strips control and direction characters', () => {
	expect(normalizeBody('  a\r\nb\u202e\u0007c\t \n')).toBe('a\nbc');
});

import { describe, expect, it } from 'vitest';
import { WordIndex, wordsOf } from './search.ts';

describe('word search over opinions', () => {
	it('splits Chinese into words and finds a two-character word in a long opinion', () => {
		expect(wordsOf('推进数据共享。')).toContain('数据');
		const index = new WordIndex<number>();
		index.add(1, `${'建议加强社区养老服务。'.repeat(200)}同时推进政务数据共享，打通部门壁垒。`);
		index.add(2, '建议增加公园绿地。');
		index.add(3, '数据安全要有保障，数据共享要有边界。');
		expect([...index.search('数据')].sort()).toEqual([1, 3]);
		expect([...index.search('数据 安全')]).toEqual([3]);
		expect([...index.search('，。')]).toEqual([]);
		expect([...index.search('不存在的词')]).toEqual([]);
	});
});

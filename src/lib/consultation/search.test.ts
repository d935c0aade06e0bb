import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { matchExpression, segmentedText, wordsOf } from './search.ts';

/** The same FTS5 table the migration makes, filled and queried as the server does. */
function index(texts: Record<number, string>) {
	const db = new Database(':memory:');
	db.exec("CREATE VIRTUAL TABLE f USING fts5(words, tokenize = 'unicode61')");
	const insert = db.prepare('INSERT INTO f (rowid, words) VALUES (?, ?)');
	for (const [id, text] of Object.entries(texts)) insert.run(Number(id), segmentedText(text));
	return (query: string): number[] => {
		const match = matchExpression(query);
		if (!match) return [];
		return db
			.prepare<[string], { rowid: number }>('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid')
			.all(match)
			.map((r) => r.rowid);
	};
}

describe('word search over opinions', () => {
	it('splits Chinese into words, punctuation left out', () => {
		expect(wordsOf('推进数据共享。')).toContain('数据');
		expect(wordsOf('，。！？“”')).toEqual([]);
		expect(segmentedText('数据，数据；数据')).toBe('数据');
	});

	it('finds a two-character word in a long opinion, and every word of a query', () => {
		const search = index({
			1: `${'建议加强社区养老服务。'.repeat(400)}同时推进政务数据共享，打通部门壁垒。`,
			2: '建议增加公园绿地。',
			3: '数据安全要有保障，数据共享要有边界。'
		});
		expect(search('数据')).toEqual([1, 3]);
		expect(search('数据 安全')).toEqual([3]);
		expect(search('数据安全')).toEqual([3]);
		expect(search('，。')).toEqual([]);
		expect(search('不存在的词')).toEqual([]);
	});

	it('matches Latin words and numbers mixed into Chinese, whatever their case or width', () => {
		const search = index({
			1: '建议5G基站覆盖率达到95%，API接口遵循GB/T 33356-2016。',
			2: '请公开 Open Data 平台的 ＡＰＩ 文档，版本3.5以上。',
			3: '没有英文。'
		});
		expect(search('api')).toEqual([1, 2]);
		expect(search('API')).toEqual([1, 2]);
		expect(search('5g')).toEqual([1]);
		expect(search('33356')).toEqual([1]);
		expect(search('open data')).toEqual([2]);
		expect(search('3.5')).toEqual([2]);
	});

	it('reads nothing a user types as FTS5 syntax', () => {
		const search = index({ 1: '数据 AND 共享', 2: 'NEAR 数据' });
		expect(search('"数据')).toEqual([1, 2]);
		expect(search('数据*')).toEqual([1, 2]);
		expect(search('AND')).toEqual([1]);
		expect(search('NEAR(数据')).toEqual([2]);
		expect(matchExpression('   ')).toBeNull();
	});
});

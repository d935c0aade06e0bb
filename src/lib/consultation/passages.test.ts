import { describe, expect, it } from 'vitest';
import { blockTable, blockText, frozenParts, passagesOf, quoteOf } from './passages.ts';

describe('passages of a frozen version', () => {
	it('splits a part into non-empty lines with offsets in the part', () => {
		const text = '第一段。\n\n第二段，较长。\n';
		expect(passagesOf(text)).toEqual([
			{ start: 0, end: 4, text: '第一段。' },
			{ start: 6, end: 13, text: '第二段，较长。' }
		]);
		for (const p of passagesOf(text)) expect(text.slice(p.start, p.end)).toBe(p.text);
	});

	it('recomputes quotes only from offsets that fit', () => {
		const text = '建设城市运行管理中心';
		expect(quoteOf(text, 2, 4)).toBe('城市');
		expect(quoteOf(text, 4, 2)).toBeUndefined();
		expect(quoteOf(text, -1, 2)).toBeUndefined();
		expect(quoteOf(text, 0, 99)).toBeUndefined();
		expect(quoteOf(text, 1.5, 3)).toBeUndefined();
		expect(quoteOf('a   b', 1, 4)).toBeUndefined();
	});

	it('renders block rows with field labels, enum labels and no references', () => {
		const text = blockText('keyProjects', [
			{ id: 'r1', name: '城市大脑', needs: ['g1'], startYear: 2026, priority: 'high' }
		]);
		expect(text).toBe('工程名称：城市大脑；开始年份：2026；优先级：高');
		expect(text).not.toContain('g1');
		expect(text).not.toContain('r1');
	});

	it('lists body, items and blocks in reading order and leaves empty parts out', () => {
		const parts = frozenParts({
			body: '总述。',
			items: { '9.1.a': '', '9.1.b': '分阶段实施。' },
			data: { keyProjects: [] }
		});
		expect(parts.map((p) => p.part)).toEqual(['body', 'item:9.1.b']);
	});

	it('gives a block the same rows as a table, one row per passage', () => {
		const rows = [
			{ id: 'r1', name: '城市大脑', startYear: 2026 },
			{ id: 'r2', name: '', startYear: null },
			{ id: 'r3', name: '一网通办', priority: 'high' }
		];
		const table = blockTable('keyProjects', rows);
		expect(table.columns).toEqual(['工程名称', '开始年份', '优先级']);
		expect(table.rows).toEqual([
			['城市大脑', '2026', ''],
			['一网通办', '', '高']
		]);
		const [part] = frozenParts({ body: '', items: {}, data: { keyProjects: rows } });
		expect(part?.passages).toHaveLength(2);
		expect(part?.table?.rows).toHaveLength(2);
	});

	it('marks heading lines given by index among non-empty lines', () => {
		const [body] = frozenParts(
			{ body: '一、总体要求\n\n正文。', items: {}, data: {} },
			{ body: [0] }
		);
		expect(body?.passages.map((p) => !!p.heading)).toEqual([true, false]);
	});
});

import { describe, expect, it } from 'vitest';
import { feedbackRows, quoteInSection } from './anchor.ts';

const section = {
	body: '以数据共享为抓手，\n建设城市运行管理中心。',
	items: { '6.1.2.a': '城市定位：区域中心城市。' },
	data: {
		keyProjects: [
			{ id: 'r1', name: '城市大脑', startYear: 2026, priority: 'high' },
			{ id: 'r2', name: '' },
			{ name: '没有编号的行' },
			null
		]
	}
};

describe('5.1.3 feedback anchors', () => {
	it('offers every block row that has an id and words, labelled by its block', () => {
		expect(feedbackRows(section)).toEqual([
			{
				blockKey: 'keyProjects',
				rowId: 'r1',
				label: expect.stringMatching(/^重点工程.*：工程名称：城市大脑；开始年份：2026；优先级：高$/)
			}
		]);
	});

	it('cuts a long row label for the select, never the stored row', () => {
		const rows = feedbackRows({
			body: '',
			items: {},
			data: { keyProjects: [{ id: 'x', name: '很'.repeat(300) }] }
		});
		expect(rows[0].label.length).toBe(120);
		expect(rows[0].label.endsWith('…')).toBe(true);
	});

	it('finds quoted words in the body, items or rows, whitespace aside', () => {
		expect(quoteInSection(section, '数据共享为抓手， 建设城市')).toBe(true);
		expect(quoteInSection(section, '区域中心城市')).toBe(true);
		expect(quoteInSection(section, '城市大脑')).toBe(true);
		expect(quoteInSection(section, '不存在的话')).toBe(false);
		expect(quoteInSection(section, '   ')).toBe(false);
	});
});

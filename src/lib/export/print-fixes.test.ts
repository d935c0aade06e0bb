import { describe, expect, it } from 'vitest';
import { demoModelInput } from './fixtures.ts';
import { buildExportModel, walkSections } from './model.ts';
import { renderMarkdown } from './markdown.ts';
import { formatNumber, rowName } from './tables.ts';

describe('the publication edition', () => {
	it('puts 6.2’s findings before the 6.3 text that builds on them', () => {
		const doc = buildExportModel(demoModelInput(), { edition: 'publication' });
		const basis = walkSections(doc).find((s) => s.title === '发展基础')!;
		const clauses = basis.children.map((c) => c.clause ?? '');
		expect(clauses.length).toBeGreaterThan(1);
		const firstOf63 = clauses.findIndex((c) => c === '6.3');
		expect(firstOf63).toBeGreaterThan(0);
		expect(clauses.slice(0, firstOf63).every((c) => c.startsWith('6.2'))).toBe(true);
	});
});

describe('numbers and names in the exports', () => {
	it('separates thousands and keeps decimals', () => {
		expect(formatNumber(112000)).toBe('112,000');
		expect(formatNumber(1234.5)).toBe('1,234.5');
		expect(formatNumber(12)).toBe('12');
	});

	it('never cuts a referenced name', () => {
		const statement =
			'到2030年，全市政务服务事项全部实现一网通办，企业和群众办事平均跑动次数降至0.3次以下。';
		expect(rowName('goals', { id: 'g', statement })).toBe(statement.replace(/。$/, ''));
	});

	it('writes 单位 above the table in Markdown', () => {
		const md = renderMarkdown(buildExportModel(demoModelInput(), { edition: 'full' }));
		const unit = md.indexOf('单位：万元');
		expect(unit).toBeGreaterThan(0);
		expect(
			md
				.slice(unit)
				.split('\n')
				.find((l) => l.startsWith('|'))
		).toMatch(/^\| 序号/);
		expect(md.slice(unit - 200, unit)).toMatch(/表\d+/);
	});
});

import { describe, expect, it } from 'vitest';
import { proseItems } from './prose-items.ts';

describe('proseItems', () => {
	it('gives 6.5 the ten needs of 6.5.2 a–j', () => {
		const items = proseItems('6.5').filter((i) => i.required);
		expect(items.map((i) => i.id)).toEqual('abcdefghij'.split('').map((l) => `6.5.2.${l}`));
		expect(items[0].label).toBe('a）目标分析');
	});

	it('gives 6.2 its five survey sub-clauses, keeping 6.2.2’s missing b) and c) missing', () => {
		const items = proseItems('6.2');
		expect(items.map((i) => i.id)).toEqual(['6.2.1', '6.2.2', '6.2.3', '6.2.4', '6.2.5']);
		expect(items[1].hint).toContain('a）');
		expect(items[1].hint).toContain('d）');
		expect(items[1].hint).not.toContain('b）');
	});

	it('labels 9.4’s items by title and keeps the standard’s text as the hint', () => {
		const items = proseItems('9.4').filter((i) => i.required);
		expect(items.map((i) => i.label)).toEqual([
			'a）组织保障',
			'b）政策保障',
			'c）人才保障',
			'd）资金保障'
		]);
		expect(items[0].hint).toMatch(/^组织保障：应针对智慧城市建设的组织架构/);
	});

	it('adds what only Table A.1 lists as optional fields after the required ones', () => {
		const items = proseItems('9.4');
		expect(items.slice(4).every((i) => !i.required)).toBe(true);
		expect(items.slice(4).map((i) => i.label)).toContain('考核保障措施（表A.1）');
	});

	it('gives 6.1 the four aspects of 6.1.2 and most sections none', () => {
		expect(proseItems('6.1').map((i) => i.id)).toEqual([
			'6.1.2.1',
			'6.1.2.2',
			'6.1.2.3',
			'6.1.2.4'
		]);
		expect(proseItems('9.1')).toEqual([]);
	});
});

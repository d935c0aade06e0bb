import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../templates/blocks/index.ts';
import { parseRows } from '../templates/blocks/parse.ts';
import { indicatorGaps, readNumber } from './gaps.ts';

describe('现状与差距', () => {
	it('reads plain numbers with a short unit and nothing else', () => {
		expect(readNumber('72')).toBe(72);
		expect(readNumber('72%')).toBe(72);
		expect(readNumber('1,000项')).toBe(1000);
		expect(readNumber('２１．５千米/小时')).toBe(21.5);
		expect(readNumber('联网共享率70%')).toBeNull();
		expect(readNumber('全域覆盖')).toBeNull();
		expect(readNumber('')).toBeNull();
	});

	it('computes the gap and progress, binding indicators first', () => {
		const rows = parseRows(BLOCKS.indicators, [
			{
				id: 'a',
				name: '全程网办率',
				attribute: 'expected',
				unit: '%',
				current: '72',
				target: '95'
			},
			{ id: 'b', name: '上云率', attribute: 'binding', current: '55%', target: '100%' },
			{
				id: 'c',
				name: '城市交通运行指数发布情况',
				current: '仅主城区按日发布',
				target: '全市实时发布'
			}
		]);
		expect(indicatorGaps(rows)).toEqual([
			{
				id: 'b',
				name: '上云率',
				unit: '%',
				binding: true,
				current: 55,
				target: 100,
				gap: 45,
				progress: 55
			},
			{
				id: 'a',
				name: '全程网办率',
				unit: '%',
				binding: false,
				current: 72,
				target: 95,
				gap: 23,
				progress: 76
			}
		]);
	});
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
	BLOCK_KEYS,
	BLOCKS,
	defineBlock,
	goalsBlock,
	keyProjectsBlock,
	parseRow,
	parseRows,
	type BlockRow,
	type GoalRow,
	type KeyProjectRow,
	type OperatingModelRow,
	type PhaseRow,
	type RowOf
} from './index.ts';

describe('row types are derived from the declarations', () => {
	it('key projects', () => {
		expectTypeOf<RowOf<typeof keyProjectsBlock>>().toEqualTypeOf<{
			id: string;
			name: string;
			goal: string;
			content: string;
			mode: string;
			startYear: number | null;
			endYear: number | null;
			budget: number | null;
			leadUnit: string;
			domain: 'platform' | 'industry' | 'governance' | 'other' | null;
			priority: 'high' | 'medium' | 'low' | null;
			needs: string[];
			goals: string[];
		}>();
		expectTypeOf<KeyProjectRow>().toEqualTypeOf<RowOf<typeof keyProjectsBlock>>();
		expect(keyProjectsBlock.fields.map((f) => f.key)).toContain('leadUnit');
	});

	it('goals: enum levels, single and multiple references', () => {
		expectTypeOf<GoalRow['level']>().toEqualTypeOf<'overall' | 'specific' | 'phase' | null>();
		expectTypeOf<GoalRow['parent']>().toEqualTypeOf<string | null>();
		expectTypeOf<GoalRow['needs']>().toEqualTypeOf<string[]>();
		expectTypeOf<GoalRow['deadline']>().toEqualTypeOf<number | null>();
		expect(goalsBlock.fields.find((f) => f.key === 'level')?.kind).toBe('enum');
	});

	it('operating models and phases', () => {
		expectTypeOf<OperatingModelRow['model']>().toEqualTypeOf<
			| 'government-government'
			| 'government-enterprise'
			| 'enterprise-enterprise'
			| 'partnership-enterprise'
			| null
		>();
		expectTypeOf<PhaseRow['start']>().toEqualTypeOf<string>();
		expectTypeOf<BlockRow<'phases'>>().toEqualTypeOf<PhaseRow>();
		expect(BLOCKS.phases.fields.find((f) => f.key === 'start')?.kind).toBe('date');
	});

	it('a new declaration gets its row type without writing it twice', () => {
		const demo = defineBlock({
			key: 'needs',
			label: '示例',
			rowLabel: '行',
			fields: [
				{ key: 'count', label: '数量', kind: 'integer' },
				{ key: 'kind', label: '类型', kind: 'enum', options: [{ value: 'x', label: 'X' }] }
			]
		});
		expectTypeOf<RowOf<typeof demo>>().toEqualTypeOf<{
			id: string;
			count: number | null;
			kind: 'x' | null;
		}>();
		expect(parseRow(demo, { id: 'r', count: '3', kind: 'y' })).toEqual({
			id: 'r',
			count: 3,
			kind: null
		});
	});

	it('BLOCKS holds every block key once', () => {
		expect(Object.keys(BLOCKS)).toEqual([...BLOCK_KEYS]);
		for (const key of BLOCK_KEYS) expect(BLOCKS[key].key).toBe(key);
	});
});

describe('parseRow', () => {
	it('fills every declared field, unset ones with their empty value', () => {
		expect(parseRow(keyProjectsBlock, { id: 'p1', name: '工程' })).toEqual({
			id: 'p1',
			name: '工程',
			goal: '',
			content: '',
			mode: '',
			startYear: null,
			endYear: null,
			budget: null,
			leadUnit: '',
			domain: null,
			priority: null,
			needs: [],
			goals: []
		});
	});

	it('reads values of the wrong kind as unset', () => {
		const row = parseRow(keyProjectsBlock, {
			id: 7,
			name: ['x'],
			startYear: 2026.5,
			endYear: '2028',
			budget: 'NaN',
			domain: 'space',
			needs: ['n1', 3, '', 'n1', 'n2'],
			goals: 'g1'
		});
		expect(row).toMatchObject({
			id: '',
			name: '',
			startYear: null,
			endYear: 2028,
			budget: null,
			domain: null,
			needs: ['n1', 'n2'],
			goals: []
		});
	});

	it('accepts only real ISO dates', () => {
		const phase = (start: unknown) => parseRow(BLOCKS.phases, { start }).start;
		expect(phase('2026-02-28')).toBe('2026-02-28');
		expect(phase('2026-02-30')).toBe('');
		expect(phase('2026/02/01')).toBe('');
		expect(phase(20260201)).toBe('');
	});

	it('turns anything that is not an array of rows into rows or nothing', () => {
		expect(parseRows(BLOCKS.goals, 'rows')).toEqual([]);
		expect(parseRows(BLOCKS.goals, [null])).toEqual([parseRow(BLOCKS.goals, {})]);
	});
});

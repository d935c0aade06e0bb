import { describe, expect, it } from 'vitest';
import outline from '../../standard/outline.json' with { type: 'json' };
import { TEMPLATES } from '../registry.ts';
import {
	businessTreePresetRows,
	GBT33356_2016,
	indicatorPresetRows,
	infrastructurePresetRows,
	overallArchitecturePresetRows,
	presetRowsFor,
	TABLE_B1
} from './index.ts';

const refs = (
	outline as unknown as {
		referenced_standards: {
			'GB/T 33356-2016': {
				level1: { id: string; name: string; weight_pct: number }[];
				level2_verified: {
					id: string | null;
					name: string;
					weight_pct: number | null;
					sub_items: string[];
				}[];
			};
		};
	}
).referenced_standards['GB/T 33356-2016'];

const treeB1 = (
	outline as unknown as {
		appendix_B_business_architecture_example: {
			table_B1: { tree: { level1: string; level2: { name: string; level3: string[] }[] }[] };
		};
	}
).appendix_B_business_architecture_example.table_B1.tree;

function counter() {
	let n = 0;
	return () => `r${++n}`;
}

describe('GB/T 33356-2016 preset', () => {
	it('has outline.json’s level-1 names and weights (summing to 100), ids marked where inferred', () => {
		expect(GBT33356_2016.level1.map((l) => [l.name, l.weightPct])).toEqual(
			refs.level1.map((l) => [l.name, l.weight_pct])
		);
		expect(GBT33356_2016.level1.reduce((sum, l) => sum + l.weightPct, 0)).toBe(100);
		expect(GBT33356_2016.level1.map((l) => l.idVerified)).toEqual(
			refs.level1.map((l) => !l.id.endsWith('?'))
		);
	});

	it('keeps unfound level-2 weights null and drops the truncated sub-item', () => {
		expect(GBT33356_2016.level2.map((l) => [l.name, l.weightPct])).toEqual(
			refs.level2_verified.map((l) => [l.name, l.weight_pct])
		);
		const names = GBT33356_2016.level2.flatMap((l) => l.subItems.map((s) => s.name));
		expect(names.some((n) => n.includes('…'))).toBe(false);
		expect(names).toHaveLength(
			refs.level2_verified.flatMap((l) => l.sub_items).filter((s) => !s.includes('…')).length
		);
		expect(GBT33356_2016.level2Complete).toBe(false);
	});

	it('seeds 6.3 with one row per found sub-indicator and no invented weights', () => {
		const rows = indicatorPresetRows(counter());
		expect(rows).toHaveLength(26);
		expect(rows[0]).toMatchObject({
			code: 'L1P1-A1',
			level1: '惠民服务',
			level2: '政务服务',
			weight: null
		});
		expect(rows.every((r) => r.weight === null && r.source === 'gbt33356-2016')).toBe(true);
	});
});

describe('Table B.1 preset', () => {
	it('is outline.json’s tree without the “…” placeholders', () => {
		expect(TABLE_B1.map((l1) => [l1.name, l1.level2.map((l2) => [l2.name, l2.level3])])).toEqual(
			treeB1.map((l1) => [
				l1.level1,
				l1.level2.map((l2) => [l2.name, l2.level3.filter((s) => s !== '…')])
			])
		);
		expect(TABLE_B1.map((l1) => l1.confidence)).toEqual(['high', 'medium', 'medium', 'medium']);
	});

	it('seeds 8.1 with a three-level tree, parents first', () => {
		const rows = businessTreePresetRows(counter());
		const byId = new Map(rows.map((r) => [r.id, r]));
		const depth = (id: string | null): number => (id ? 1 + depth(byId.get(id)?.parent ?? null) : 0);
		expect(rows.filter((r) => r.parent === null).map((r) => r.name)).toEqual([
			'民生服务',
			'城市治理',
			'产业经济',
			'生态宜居'
		]);
		expect(Math.max(...rows.map((r) => depth(r.id)))).toBe(3);
		rows.forEach((r, i) => {
			if (r.parent) expect(rows.findIndex((p) => p.id === r.parent)).toBeLessThan(i);
		});
	});
});

describe('architecture presets', () => {
	it('give 7.4 the eight perspectives of 7.4.2 and 8.4 the four layers of 8.4.2', () => {
		expect(overallArchitecturePresetRows(counter()).map((r) => r.name)).toEqual([
			'智慧应用层',
			'数据及服务融合层',
			'计算与存储层',
			'网络通信层',
			'物联感知层',
			'建设管理',
			'安全保障',
			'运维管理'
		]);
		expect(infrastructurePresetRows(counter()).map((r) => [r.layer, r.name])).toEqual([
			['sensing', '物联感知层基础设施'],
			['network', '网络通信层基础设施'],
			['compute', '计算与存储层基础设施'],
			['data-service', '数据与服务融合层基础设施']
		]);
	});
});

describe('presetRowsFor', () => {
	it('has rows exactly for the presets the templates describe', () => {
		for (const template of TEMPLATES) {
			for (const block of template.structured) {
				const rows = presetRowsFor(template.clause, block, counter());
				const described = template.presets?.some((p) => p.block === block) ?? false;
				expect(rows !== undefined, `${template.clause}/${block}`).toBe(described);
			}
		}
	});

	it('uses the caller’s ids', () => {
		const rows = presetRowsFor('8.4', 'architectureLayers', counter());
		expect(rows?.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
	});
});

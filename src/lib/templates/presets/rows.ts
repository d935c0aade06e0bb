/**
 * Starting rows for blocks that have a preset. `newId` makes the row ids (the caller's id scheme, e.g.
 * `crypto.randomUUID`), so the same preset can seed any number of plans.
 */
import type { ArchitectureLayerRow, BusinessNodeRow, IndicatorRow } from '../blocks/index.ts';
import { GBT33356_2016 } from './gbt33356.ts';
import { ARCHITECTURE_LAYERS, INFRASTRUCTURE_LAYERS, OVERALL_PERSPECTIVES } from './gbt34678.ts';
import { TABLE_B1 } from './table-b1.ts';

export type NewId = () => string;

/** 6.3: the GB/T 33356-2016 sub-indicators that were found, one row each; weights left to the city. */
export function indicatorPresetRows(newId: NewId): IndicatorRow[] {
	return GBT33356_2016.level2.flatMap((level2) =>
		level2.subItems.map((sub) => ({
			id: newId(),
			source: 'gbt33356-2016' as const,
			code: sub.id ?? '',
			level1: level2.parent,
			level2: level2.name,
			name: sub.name,
			// Sub-item weights were not found; the level-2 weight is not the row's weight.
			weight: null,
			attribute: null,
			unit: '',
			baseYear: null,
			current: '',
			target: '',
			method: '',
			score: null,
			dataSource: '',
			note: ''
		}))
	);
}

function layerRow(newId: NewId, layer: ArchitectureLayerRow['layer'], name: string) {
	return { id: newId(), layer, name, elements: '', approach: '' } satisfies ArchitectureLayerRow;
}

/** 7.4: one row per perspective of 7.4.2. */
export function overallArchitecturePresetRows(newId: NewId): ArchitectureLayerRow[] {
	return OVERALL_PERSPECTIVES.map((layer) =>
		layerRow(newId, layer, ARCHITECTURE_LAYERS.find((l) => l.value === layer)?.label ?? '')
	);
}

/** 8.4: the four infrastructure layers of 8.4.2. */
export function infrastructurePresetRows(newId: NewId): ArchitectureLayerRow[] {
	return INFRASTRUCTURE_LAYERS.map(({ layer, name }) => layerRow(newId, layer, name));
}

/** 8.1: Table B.1's tree, parents before children. */
export function businessTreePresetRows(newId: NewId): BusinessNodeRow[] {
	const rows: BusinessNodeRow[] = [];
	const node = (name: string, parent: string | null): string => {
		const id = newId();
		rows.push({ id, name, parent, provider: '', audience: '', channel: '', description: '' });
		return id;
	};
	for (const level1 of TABLE_B1) {
		const id1 = node(level1.name, null);
		for (const level2 of level1.level2) {
			const id2 = node(level2.name, id1);
			for (const name of level2.level3) node(name, id2);
		}
	}
	return rows;
}

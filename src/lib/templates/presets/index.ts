import type { BlockKey, BlockRow } from '../blocks/index.ts';
import {
	businessTreePresetRows,
	indicatorPresetRows,
	infrastructurePresetRows,
	overallArchitecturePresetRows,
	type NewId
} from './rows.ts';

type PresetTable = { [K in BlockKey]?: (newId: NewId) => BlockRow<K>[] };

/** Which section's block starts from which preset; the templates describe each (`presets`). */
const PRESET_ROWS: Readonly<Record<string, PresetTable>> = {
	'6.3': { indicators: indicatorPresetRows },
	'7.4': { architectureLayers: overallArchitecturePresetRows },
	'8.1': { businessTree: businessTreePresetRows },
	'8.4': { architectureLayers: infrastructurePresetRows }
};

/** Starting rows for a section's block, or undefined when it starts empty. */
export function presetRowsFor<K extends BlockKey>(
	clause: string,
	block: K,
	newId: NewId
): BlockRow<K>[] | undefined {
	const make: PresetTable[K] = PRESET_ROWS[clause]?.[block];
	return make?.(newId);
}

export { GBT33356_2016 } from './gbt33356.ts';
export type { Level1Indicator, Level2Indicator, SubIndicator } from './gbt33356.ts';
export {
	ARCHITECTURE_LAYERS,
	GBT34678,
	INFRASTRUCTURE_LAYERS,
	OVERALL_PERSPECTIVES
} from './gbt34678.ts';
export type { ArchitectureLayer } from './gbt34678.ts';
export { BUSINESS_LEVEL_BASIS, TABLE_B1 } from './table-b1.ts';
export type { TableB1Level1 } from './table-b1.ts';
export {
	businessTreePresetRows,
	indicatorPresetRows,
	infrastructurePresetRows,
	overallArchitecturePresetRows
} from './rows.ts';
export type { NewId } from './rows.ts';

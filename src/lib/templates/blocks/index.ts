import { architectureLayersBlock } from './architecture-layers.ts';
import { businessTreeBlock } from './business-tree.ts';
import type { BlockDecl, BlockKey, RowOf } from './fields.ts';
import { goalsBlock } from './goals.ts';
import { indicatorsBlock } from './indicators.ts';
import { keyProjectsBlock } from './key-projects.ts';
import { needsBlock } from './needs.ts';
import { operatingModelBlock } from './operating-model.ts';
import { phasesBlock } from './phases.ts';
import { systemsBlock } from './systems.ts';
import { planRegisterBlock } from './plan-register.ts';
import { fundingBlock } from './funding.ts';
import { projectLibraryBlock } from './project-library.ts';
import { fiscalCapacityBlock } from './fiscal-capacity.ts';
import { dataCatalogBlock } from './data-catalog.ts';

/** Every structured block by key. `satisfies` checks each declaration's key without widening it. */
export const BLOCKS = {
	needs: needsBlock,
	indicators: indicatorsBlock,
	goals: goalsBlock,
	architectureLayers: architectureLayersBlock,
	businessTree: businessTreeBlock,
	systems: systemsBlock,
	keyProjects: keyProjectsBlock,
	operatingModel: operatingModelBlock,
	phases: phasesBlock,
	planRegister: planRegisterBlock,
	funding: fundingBlock,
	projectLibrary: projectLibraryBlock,
	fiscalCapacity: fiscalCapacityBlock,
	dataCatalog: dataCatalogBlock
} as const satisfies { [K in BlockKey]: BlockDecl & { key: K } };

export type BlockOf<K extends BlockKey> = (typeof BLOCKS)[K];
export type BlockRow<K extends BlockKey> = RowOf<BlockOf<K>>;

export type NeedRow = BlockRow<'needs'>;
export type IndicatorRow = BlockRow<'indicators'>;
export type GoalRow = BlockRow<'goals'>;
export type ArchitectureLayerRow = BlockRow<'architectureLayers'>;
export type BusinessNodeRow = BlockRow<'businessTree'>;
export type KeyProjectRow = BlockRow<'keyProjects'>;
export type OperatingModelRow = BlockRow<'operatingModel'>;
export type PhaseRow = BlockRow<'phases'>;
export type PlanRegisterRow = BlockRow<'planRegister'>;
export type FundingRow = BlockRow<'funding'>;
export type ProjectLibraryRow = BlockRow<'projectLibrary'>;
export type FiscalCapacityRow = BlockRow<'fiscalCapacity'>;
export type DataCatalogRow = BlockRow<'dataCatalog'>;

export { BLOCK_KEYS, defineBlock } from './fields.ts';
export type {
	BlockDecl,
	BlockKey,
	EnumOption,
	FieldDecl,
	FieldKeyOf,
	FieldKind,
	FieldValue,
	OptionValue,
	RowOf
} from './fields.ts';
export { architectureLayersBlock } from './architecture-layers.ts';
export { BUSINESS_LEVEL_LABELS, businessTreeBlock } from './business-tree.ts';
export { GOAL_LEVELS, goalsBlock } from './goals.ts';
export { INDICATOR_ATTRIBUTES, INDICATOR_SOURCES, indicatorsBlock } from './indicators.ts';
export { PLAN_LEVELS, planRegisterBlock } from './plan-register.ts';
export { FUNDING_SOURCES, SPENDING_KINDS, fundingBlock } from './funding.ts';
export type { FundingSource } from './funding.ts';
export { projectLibraryBlock } from './project-library.ts';
export { fiscalCapacityBlock } from './fiscal-capacity.ts';
export { SHARING_TYPES, dataCatalogBlock } from './data-catalog.ts';
export { PROJECT_DOMAINS, keyProjectsBlock } from './key-projects.ts';
export { NEED_CATEGORIES, NEED_ORIGINS, needsBlock } from './needs.ts';
export { OPERATING_MODELS, operatingModelBlock } from './operating-model.ts';
export { PRIORITIES, STAKEHOLDERS } from './options.ts';
export { phasesBlock } from './phases.ts';
export { SYSTEM_MODES, systemsBlock } from './systems.ts';
export { parseRow, parseRows, parseValue } from './parse.ts';

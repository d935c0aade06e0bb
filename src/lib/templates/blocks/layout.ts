import { BLOCKS, type BlockKey } from './index.ts';

/** A block shown as one table (every field short, as for indicators) rather than row cards. */
export function isTabular(key: BlockKey): boolean {
	return BLOCKS[key].fields.every((f) => f.kind !== 'longtext' && f.kind !== 'reference');
}

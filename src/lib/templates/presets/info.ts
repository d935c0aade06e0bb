/** What the section page says about a block's preset: its source and whether it was verified. */
import type { BlockKey } from '../blocks/index.ts';
import { getTemplate } from '../registry.ts';
import type { PresetInfo } from '../types.ts';

export function presetInfo(section: string, block: BlockKey): PresetInfo | undefined {
	return getTemplate(section)?.presets?.find((p) => p.block === block);
}

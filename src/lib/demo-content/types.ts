/**
 * The shape of the demo city's section content. Prose is a list of lines in a tiny notation that the
 * builder (build.ts) turns into the editor's ProseMirror nodes:
 * - `## 标题` / `### 标题`: a heading of level 2 / 3;
 * - `- 内容`: an item of a bullet list (consecutive lines form one list);
 * - `1. 内容`: an item of an ordered list (likewise);
 * - anything else: a paragraph.
 */
import type { BlockKey, BlockRow } from '../templates/blocks/index.ts';

export type Prose = readonly string[];

/** A row as the seed writes it: a stable id, and whichever declared fields it fills. */
export type DemoRow<K extends BlockKey> = Partial<BlockRow<K>> & { id: string };

export type DemoBlocks = { readonly [K in BlockKey]?: readonly DemoRow<K>[] };

export interface DemoSection {
	clause: string;
	/** Username of the demo account that wrote it; its organization owns the section. */
	author: string;
	body?: Prose;
	/** Item id → its prose. */
	items?: Readonly<Record<string, Prose>>;
	blocks?: DemoBlocks;
}

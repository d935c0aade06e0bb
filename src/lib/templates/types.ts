import type { BlockKey } from './blocks/fields.ts';
import type { Activity } from '../standard/sections.ts';

/** The modal verb the standard uses: 应 shall, 宜 should, 可 may; `none` for descriptive text. */
export type NormativeVerb = '应' | '宜' | '可' | 'none';

/**
 * Where an item is written or checked:
 * - `prose`: its own prose field (the `item:<id>` fragment of the section document);
 * - `row`: a row of a block whose `field` is `value`, with its `content` field filled (8.4.2's layers);
 * - `fields`: fields every row of a block must fill (9.1.4 a)/b) on each key project);
 * - `rule`: a requirement on a block's rows that the conformance rules check (7.3.3 a)–f) on goals);
 * - `option`: an option a block's enum field offers (9.2.1's four operating models).
 */
export type ItemFill =
	| { kind: 'prose' }
	| { kind: 'row'; block: BlockKey; field: string; value: string; content: string }
	| { kind: 'fields'; block: BlockKey; fields: readonly string[] }
	| { kind: 'rule'; block: BlockKey }
	| { kind: 'option'; block: BlockKey; field: string; value: string };

export interface ItemPoint {
	label: string;
	text: string;
}

export interface TemplateItem {
	/** Stable id, e.g. `6.5.2.a`: the Yjs fragment `item:<id>`, waivers and rules key on it. */
	id: string;
	/** The clause that enumerates the item (`6.5.2`), or the item's own sub-clause (`6.2.3`). */
	clause: string;
	/** As the standard labels it (`a）目标分析`, `6.2.3 社会治理`); for untitled clauses our short name. */
	label: string;
	/** The standard's own words for the item, verbatim; '' where it has only a title. */
	text: string;
	verb: NormativeVerb;
	/**
	 * Whether the checklist demands it before review. Items the standard states with 应, and items it
	 * lists as what the design contains (包括…, no modal verb), are required; items that only Table A.1
	 * adds are not, because Appendix A says its outputs 可参考 (may be consulted).
	 */
	required: boolean;
	/** `table-A.1` for outputs of Table A.1 that the body of the standard does not list. */
	source: 'body' | 'table-A.1';
	fill: ItemFill;
	/** The lettered sub-points of a sub-clause item (6.2.3 a)–d)), as the standard words them. */
	points?: readonly ItemPoint[];
	/** A defect of the standard's text or our caveat, shown to writers as it is. */
	note?: string;
}

/** How a clause below a section is realised in the section's template. */
export type ClauseRole = 'item' | 'items' | 'block' | 'guidance';

export interface ClausePart {
	clause: string;
	role: ClauseRole;
	/** For `block`: which block realises it. */
	block?: BlockKey;
	note?: string;
}

/** A place in a section where something is written: its body, an item or a block. */
export interface SectionTarget {
	section: string;
	item?: string;
	block?: BlockKey;
}

export interface PresetInfo {
	block: BlockKey;
	/** Where the starting rows come from, e.g. 表B.1. */
	source: string;
	/** False when some of the preset could not be checked against its source (see its note). */
	verified: boolean;
	note: string;
}

/** What a chapter file declares; the registry adds what can be derived. */
export interface SectionSpec {
	clause: string;
	guidance: string;
	parts: readonly ClausePart[];
	items: readonly TemplateItem[];
	/** Structured blocks in display order. */
	structured: readonly BlockKey[];
	presets?: readonly PresetInfo[];
	/** Notes on the section as a whole (defects of Table A.1, our placement decisions). */
	notes?: readonly string[];
}

export type LayoutBlock =
	{ kind: 'body' } | { kind: 'item'; item: string } | { kind: 'structured'; block: BlockKey };

export interface AppendixAEntry {
	text: string;
	/** Row of Table A.1 the entry belongs to, by the activity's body clause (7.1 included). */
	row: string;
	/** For inputs: the sections that produce it (empty: material from outside the plan). */
	targets: readonly SectionTarget[];
}

export interface SectionTemplate extends SectionSpec {
	title: string;
	activity: Activity;
	chapter: string;
	/** Body first, then one prose field per prose item, then the structured blocks. */
	blocks: readonly LayoutBlock[];
	appendixA: { inputs: readonly AppendixAEntry[]; outputs: readonly AppendixAEntry[] };
}

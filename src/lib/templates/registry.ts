/**
 * The template registry: one declaration per section of chapters 6–9 (DESIGN.md §2), with the section
 * list of src/lib/standard/sections.ts as its spine. Titles and activities come from there (and so
 * from outline.json); guidance, items, blocks and Appendix A links from the chapter files.
 */
import { findSection, SECTION_CLAUSES, type Activity } from '../standard/sections.ts';
import { appendixAForSection } from './appendix-a.ts';
import { section61, section62, section63, section64, section65 } from './sections/chapter6.ts';
import { section72, section73, section74 } from './sections/chapter7.ts';
import {
	section81,
	section82,
	section83,
	section84,
	section85,
	section86,
	section87
} from './sections/chapter8.ts';
import { section91, section92, section93, section94 } from './sections/chapter9.ts';
import type { LayoutBlock, SectionSpec, SectionTemplate, TemplateItem } from './types.ts';

const SPECS: readonly SectionSpec[] = [
	section61,
	section62,
	section63,
	section64,
	section65,
	section72,
	section73,
	section74,
	section81,
	section82,
	section83,
	section84,
	section85,
	section86,
	section87,
	section91,
	section92,
	section93,
	section94
];

function layout(spec: SectionSpec): LayoutBlock[] {
	return [
		{ kind: 'body' },
		...spec.items
			.filter((item) => item.fill.kind === 'prose')
			.map((item) => ({ kind: 'item' as const, item: item.id })),
		...spec.structured.map((block) => ({ kind: 'structured' as const, block }))
	];
}

function build(spec: SectionSpec): SectionTemplate {
	const section = findSection(spec.clause);
	if (!section) throw new Error(`template ${spec.clause} is not a section of the plan`);
	return {
		...spec,
		title: section.title,
		activity: section.activity,
		chapter: spec.clause.split('.')[0],
		blocks: layout(spec),
		appendixA: appendixAForSection(spec.clause)
	};
}

const byClause = new Map(SPECS.map((spec) => [spec.clause, build(spec)]));

/** Every section template, in the order of sections.ts (the standard's order). */
export const TEMPLATES: readonly SectionTemplate[] = SECTION_CLAUSES.map((clause) => {
	const template = byClause.get(clause);
	if (!template) throw new Error(`section ${clause} has no template`);
	return template;
});

export function getTemplate(clause: string): SectionTemplate | undefined {
	return byClause.get(clause);
}

export function templatesOf(activity: Activity): SectionTemplate[] {
	return TEMPLATES.filter((t) => t.activity === activity);
}

/** Items of a section whose text is written in their own prose field. */
export function proseItemsOf(clause: string): TemplateItem[] {
	return (getTemplate(clause)?.items ?? []).filter((item) => item.fill.kind === 'prose');
}

/** An item by id, with the section it belongs to. */
export function findItem(
	itemId: string
): { section: SectionTemplate; item: TemplateItem } | undefined {
	for (const section of TEMPLATES) {
		const item = section.items.find((i) => i.id === itemId);
		if (item) return { section, item };
	}
	return undefined;
}

/** Sections that hold a given structured block (architectureLayers: 7.4 and 8.4). */
export function sectionsWithBlock(block: SectionTemplate['structured'][number]): SectionTemplate[] {
	return TEMPLATES.filter((t) => t.structured.includes(block));
}

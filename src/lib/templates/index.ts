/** The template registry: sections of GB/T 36333-2018 chapters 6–9, their items, blocks and presets. */
export {
	TEMPLATES,
	findItem,
	getTemplate,
	proseItemsOf,
	sectionsWithBlock,
	templatesOf
} from './registry.ts';
export {
	APPENDIX_A_GAPS,
	APPENDIX_A_ROWS,
	appendixAByActivity,
	appendixAForSection,
	appendixAOf
} from './appendix-a.ts';
export type { AppendixAInput, AppendixAOutput, AppendixARow } from './appendix-a.ts';
export { CHAPTER_GUIDANCE, GUIDANCE, NOTES } from './messages.ts';
export { KEY_PROJECT_FIELDS } from './sections/chapter9.ts';
export * from './blocks/index.ts';
export * from './presets/index.ts';
export type {
	AppendixAEntry,
	ClausePart,
	ClauseRole,
	ItemFill,
	ItemPoint,
	LayoutBlock,
	NormativeVerb,
	PresetInfo,
	SectionSpec,
	SectionTarget,
	SectionTemplate,
	TemplateItem
} from './types.ts';

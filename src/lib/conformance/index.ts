/** Conformance of a plan to GB/T 36333-2018: checklists per section, scores, open items. */
export { evaluatePlan, evaluateSection } from './evaluate.ts';
export { openItems, readyForReview, scoreByChapter } from './score.ts';
export type { ChapterScore, OpenItem, OpenItemsOptions, Tally } from './score.ts';
export { RULES } from './rules/index.ts';
export type { Rule } from './rules/index.ts';
export { MANUAL_CHECKS, findManualCheck, type ManualCheckSpec } from './rules/manual.ts';
export { sectionDigest } from './digest.ts';
export type {
	Finding,
	ManualConfirmation,
	ManualState,
	Outcome,
	PlanChecklist,
	PlanContext,
	PlanData,
	Pointer,
	RuleLevel,
	RuleResult,
	SectionChecklist,
	SectionData
} from './types.ts';

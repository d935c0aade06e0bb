/**
 * How far a section, and each place Table A.1 names, is written — derived from the section data and
 * the conformance checklist, never stored.
 */
import type {
	PlanChecklist,
	PlanData,
	SectionChecklist,
	SectionData
} from '../conformance/types.ts';
import { findItem } from '../templates/registry.ts';
import type { BlockKey } from '../templates/blocks/fields.ts';
import type { SectionTarget } from '../templates/types.ts';

export type FillStatus = 'filled' | 'partly' | 'empty';

export interface Completion {
	pass: number;
	/** Applicable rules (passed or failed; not-applicable ones are left out). */
	total: number;
	/**
	 * Which rules are counted: the required ones, or — for a section the standard only recommends
	 * things for (6.4, 9.2, 9.3 have no required rule of their own) — the recommended ones.
	 */
	basis: 'required' | 'recommended';
}

/** Share of a section's applicable required rules that pass (recommended ones where none is required). */
export function sectionCompletion(checklist: SectionChecklist): Completion {
	// How far the writers are: manual checks wait on a reviewer, not on them (the dashboard's
	// score counts those).
	const written = checklist.results.filter((r) => !r.manual);
	const count = (level: 'required' | 'recommended') => {
		const applicable = written.filter((r) => r.level === level && r.status !== 'na');
		return { pass: applicable.filter((r) => r.status === 'pass').length, total: applicable.length };
	};
	const required = count('required');
	if (required.total > 0) return { ...required, basis: 'required' };
	return { ...count('recommended'), basis: 'recommended' };
}

function hasValue(value: unknown): boolean {
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	return value !== null && value !== undefined;
}

function rowHasContent(row: unknown): boolean {
	if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
	return Object.entries(row).some(([key, value]) => key !== 'id' && hasValue(value));
}

function blockHasContent(section: SectionData | undefined, block: BlockKey): boolean {
	const rows = section?.data[block];
	return Array.isArray(rows) && rows.some(rowHasContent);
}

/** Whether anything at all is written in a section: body, an item or a row. */
export function sectionHasContent(section: SectionData | undefined): boolean {
	if (!section) return false;
	if (hasValue(section.body)) return true;
	if (Object.values(section.items).some(hasValue)) return true;
	return Object.values(section.data).some(
		(rows) => Array.isArray(rows) && rows.some(rowHasContent)
	);
}

function blockStatus(
	checklist: SectionChecklist | undefined,
	section: SectionData | undefined,
	block: BlockKey
): FillStatus {
	if (!blockHasContent(section, block)) return 'empty';
	const open = (checklist?.results ?? []).some(
		(r) =>
			r.status === 'fail' &&
			r.findings.some((f) => f.pointer.kind === 'block' && f.pointer.block === block)
	);
	return open ? 'partly' : 'filled';
}

export function targetStatus(
	checklist: PlanChecklist,
	data: PlanData,
	target: SectionTarget
): FillStatus {
	const sectionChecklist = checklist.sections.find((s) => s.clause === target.section);
	const section = data.sections[target.section];
	if (target.item) {
		const found = findItem(target.item);
		if (!found) return 'empty';
		const { fill } = found.item;
		if (fill.kind === 'prose') return hasValue(section?.items[target.item]) ? 'filled' : 'empty';
		const rule = sectionChecklist?.results.find((r) => r.id === `item:${target.item}`);
		if (rule?.status === 'pass') return 'filled';
		const status = blockStatus(sectionChecklist, section, fill.block);
		return rule && status === 'filled' ? 'partly' : status;
	}
	if (target.block) return blockStatus(sectionChecklist, section, target.block);
	if (!sectionChecklist || !sectionHasContent(section)) return 'empty';
	const completion = sectionCompletion(sectionChecklist);
	return completion.total > 0 && completion.pass === completion.total ? 'filled' : 'partly';
}

/** The weakest of several statuses (an input produced by two sections is filled when both are). */
export function combineStatus(statuses: readonly FillStatus[]): FillStatus {
	if (statuses.length === 0) return 'empty';
	if (statuses.every((s) => s === 'filled')) return 'filled';
	if (statuses.every((s) => s === 'empty')) return 'empty';
	return 'partly';
}

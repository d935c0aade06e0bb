/**
 * What the section page needs beyond the section's own live document: rows of other sections that
 * its reference fields point at, and the rest of the plan for the checklist's cross-section rules.
 */
import type { ProjectSpan, ReferenceOption } from '../collab/section-doc.ts';
import type { PlanData } from '../conformance/types.ts';
import { BLOCKS, parseRows } from '../templates/blocks/index.ts';
import type { BlockDecl } from '../templates/blocks/fields.ts';
import type { SectionTemplate } from '../templates/types.ts';
import { loadPlanData, type PlanPeriod } from './plan-data.ts';

const LABEL_LENGTH = 40;

function rowLabel(block: BlockDecl, row: Readonly<Record<string, unknown>>, index: number): string {
	const text = block.fields
		.filter((f) => f.kind === 'text' || f.kind === 'longtext')
		.map((f) => row[f.key])
		.find((v): v is string => typeof v === 'string' && v.trim() !== '');
	if (!text) return `${block.rowLabel} ${index + 1}`;
	const line = text.trim().split('\n')[0];
	return line.length > LABEL_LENGTH ? `${line.slice(0, LABEL_LENGTH)}…` : line;
}

export interface SectionWorkspace {
	/** Block key → field key → options, for reference fields into other sections. */
	references: Record<string, Record<string, ReferenceOption[]>>;
	/** The plan without this section (the page adds its live copy). */
	plan: PlanData;
	/** Key projects of 9.1 with their years, for 9.3's Gantt. */
	projects: ProjectSpan[];
}

export function sectionWorkspace(plan: PlanPeriod, template: SectionTemplate): SectionWorkspace {
	const planData = loadPlanData(plan);
	const references: SectionWorkspace['references'] = {};
	for (const key of template.structured) {
		for (const field of BLOCKS[key].fields) {
			if (field.kind !== 'reference' || field.section === template.clause) continue;
			const target = BLOCKS[field.block];
			const rows = planData.sections[field.section]?.data[field.block] ?? [];
			(references[key] ??= {})[field.key] = parseRows(target, rows)
				.filter((r) => r.id)
				.map((r, i) => ({ id: r.id, label: rowLabel(target, r, i) }));
		}
	}
	const projects = parseRows(BLOCKS.keyProjects, planData.sections['9.1']?.data.keyProjects).map(
		(p, i) => ({
			id: p.id,
			name: rowLabel(BLOCKS.keyProjects, p, i),
			startYear: p.startYear,
			endYear: p.endYear
		})
	);
	const { [template.clause]: _own, ...others } = planData.sections;
	return { references, plan: { ...planData, sections: others }, projects };
}

/**
 * A plan's sections as plain data for the conformance rules and the dashboard, read from the
 * collaboration server (live documents when loaded, else SQLite).
 */
import { readSectionData } from '../collab/section-doc.ts';
import type { PlanData, SectionData } from '../conformance/types.ts';
import { sectionDocumentName } from '../standard/sections.ts';
import { TEMPLATES } from '../templates/registry.ts';
import { getCollab } from './collab.ts';

export interface PlanPeriod {
	id: number;
	periodStart: number;
	periodEnd: number;
}

export function loadSectionData(planId: number, clause: string): SectionData | undefined {
	const template = TEMPLATES.find((t) => t.clause === clause);
	if (!template) return undefined;
	const doc = getCollab().readDocument(sectionDocumentName(planId, clause));
	try {
		return readSectionData(doc, template);
	} finally {
		doc.destroy();
	}
}

export function loadPlanData(plan: PlanPeriod): PlanData {
	const sections: Record<string, SectionData> = {};
	for (const template of TEMPLATES) {
		const data = loadSectionData(plan.id, template.clause);
		if (data) sections[template.clause] = data;
	}
	return { context: { periodStart: plan.periodStart, periodEnd: plan.periodEnd }, sections };
}

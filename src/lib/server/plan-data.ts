/**
 * A plan's sections as plain data for the conformance rules and the dashboard, read from the
 * collaboration server (live documents when loaded, else SQLite).
 */
import { eq } from 'drizzle-orm';
import { readSectionData } from '../collab/section-doc.ts';
import type { ManualConfirmation, PlanData, SectionData } from '../conformance/types.ts';
import { sectionDocumentName } from '../standard/sections.ts';
import { TEMPLATES } from '../templates/registry.ts';
import { getCollab } from './collab.ts';
import { getDb, schema } from './db/index.ts';

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
	return {
		context: { periodStart: plan.periodStart, periodEnd: plan.periodEnd },
		sections,
		confirmations: planConfirmations(plan.id)
	};
}

/**
 * Manual checks confirmed on the plan (manual-checks.ts stores them): check id → who (display
 * name), when, and the digest of what they confirmed.
 */
export function planConfirmations(planId: number): Record<string, ManualConfirmation> {
	const { manualChecks, users } = schema;
	const rows = getDb()
		.select({
			checkId: manualChecks.checkId,
			digest: manualChecks.digest,
			at: manualChecks.confirmedAt,
			by: users.displayName
		})
		.from(manualChecks)
		.innerJoin(users, eq(users.id, manualChecks.confirmedBy))
		.where(eq(manualChecks.planId, planId))
		.all();
	return Object.fromEntries(
		rows.map((r) => [r.checkId, { by: r.by, at: r.at.toISOString(), digest: r.digest }])
	);
}

/**
 * The demo plan's manual checks (issue 18): the expert (孙教授) confirmed the required ones on the
 * seeded draft, so the demo's dashboard and 符合性声明 show who confirmed what; the two recommended
 * ones are left for a reviewer to confirm (they show as 未确认). The digest is of the content as the
 * seed wrote it, computed as the checklist will compute it from the stored document.
 */
import * as Y from 'yjs';
import { readSectionData } from '../../collab/section-doc.ts';
import { findManualCheck, MANUAL_CHECKS, sectionDigest } from '../../conformance/index.ts';
import { buildSectionDoc, DEMO_SECTIONS } from '../../demo-content/index.ts';
import { getTemplate } from '../../templates/registry.ts';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';

function seededDigest(clause: string): string | undefined {
	const template = getTemplate(clause);
	if (!template) return undefined;
	const section = DEMO_SECTIONS.find((s) => s.clause === clause);
	const doc = section ? buildSectionDoc(section) : new Y.Doc();
	try {
		return sectionDigest(readSectionData(doc, template));
	} finally {
		doc.destroy();
	}
}

/** The checks the seed confirms, with the digest of the seeded content each one judges. */
export function seededConfirmations(): { checkId: string; digest: string }[] {
	return MANUAL_CHECKS.filter((c) => c.level === 'required').flatMap((check) => {
		const digest = seededDigest(check.section);
		return digest ? [{ checkId: check.id, digest }] : [];
	});
}

export function seedManualChecks(planId: number, reviewerId: number): number {
	let confirmed = 0;
	for (const { checkId, digest } of seededConfirmations()) {
		const check = findManualCheck(checkId);
		if (!check) continue;
		getDb()
			.insert(schema.manualChecks)
			.values({ planId, checkId, digest, confirmedBy: reviewerId })
			.onConflictDoNothing()
			.run();
		appendAudit({
			action: 'conformance.manual_confirmed',
			actorId: reviewerId,
			planId,
			target: checkId,
			details: { clause: check.clause, section: check.section, digest, seed: true }
		});
		confirmed += 1;
	}
	return confirmed;
}

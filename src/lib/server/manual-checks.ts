/**
 * Manual checks confirmed by a named reviewer (issue 18): storing who confirmed which check of a
 * plan, when, and the digest of the section's content they looked at; withdrawing it. Whether a
 * confirmation still holds is decided where the checklist runs (conformance/rules/manual.ts), by
 * comparing that digest with the content then.
 */
import { and, eq } from 'drizzle-orm';
import { findManualCheck, sectionDigest } from '../conformance/index.ts';
import { canConfirmManualCheck } from '../policy/index.ts';
import type { Actor } from './actor.ts';
import { getMembership } from './access.ts';
import { appendAudit } from './audit/index.ts';
import { getDb, schema } from './db/index.ts';
import { DomainError } from './errors.ts';
import { loadSectionData } from './plan-data.ts';

function authorize(actor: Actor, planId: number, checkId: string) {
	if (!canConfirmManualCheck(getMembership(planId, actor.user.id)))
		throw new DomainError('forbidden', {}, 403);
	const check = findManualCheck(checkId);
	if (!check) throw new DomainError('manual-check-unknown', {}, 404);
	return check;
}

/**
 * Confirms a check for the section's content as the server holds it now (never a digest the
 * browser sends: what is confirmed is what is stored). Confirming again renews it.
 */
export function confirmManualCheck(actor: Actor, planId: number, checkId: string): void {
	const check = authorize(actor, planId, checkId);
	const section = loadSectionData(planId, check.section);
	const digest = sectionDigest(section ?? { body: '', items: {}, data: {} });
	const { manualChecks } = schema;
	const at = new Date();
	getDb()
		.insert(manualChecks)
		.values({ planId, checkId, digest, confirmedBy: actor.user.id, confirmedAt: at })
		.onConflictDoUpdate({
			target: [manualChecks.planId, manualChecks.checkId],
			set: { digest, confirmedBy: actor.user.id, confirmedAt: at }
		})
		.run();
	appendAudit({
		action: 'conformance.manual_confirmed',
		actorId: actor.user.id,
		planId,
		target: checkId,
		details: { clause: check.clause, section: check.section, digest },
		ip: actor.ip
	});
}

export function revokeManualCheck(actor: Actor, planId: number, checkId: string): void {
	const check = authorize(actor, planId, checkId);
	const { manualChecks } = schema;
	const removed = getDb()
		.delete(manualChecks)
		.where(and(eq(manualChecks.planId, planId), eq(manualChecks.checkId, checkId)))
		.run();
	if (removed.changes === 0) throw new DomainError('manual-check-not-confirmed', {}, 409);
	appendAudit({
		action: 'conformance.manual_revoked',
		actorId: actor.user.id,
		planId,
		target: checkId,
		details: { clause: check.clause, section: check.section },
		ip: actor.ip
	});
}

/**
 * Appending to and verifying the audit log (DESIGN.md §3). Appends run inside an IMMEDIATE
 * transaction so two writers can never chain to the same previous entry; each append schedules
 * the checkpoint file (checkpoint.ts). Verifying walks the chain and checks every anchor: the
 * checkpoint and the chain head frozen into each signed version's payload.
 */
import { asc, desc } from 'drizzle-orm';
import { canonicalJson } from '../../canonical-json.ts';
import { getDb, schema } from '../db/index.ts';
import {
	entryHash,
	GENESIS_HASH,
	payloadAnchors,
	verifyChain,
	type AuditAnchor,
	type ChainResult
} from './chain.ts';
import { currentCheckpoint, scheduleAuditCheckpoint } from './checkpoint.ts';

export const AUDIT_ACTIONS = [
	'login',
	'login.failed',
	'logout',
	'password.changed',
	/** A user set, changed or cleared their notification e-mail (issue 14). */
	'user.email_changed',
	'user.created',
	'user.disabled',
	'user.enabled',
	'organization.created',
	'plan.created',
	/** The plan's 可提修订 setting was turned on or off (issue 17). */
	'plan.suggestions_changed',
	'member.added',
	'member.removed',
	'section.assigned',
	'section.unassigned',
	'invite.created',
	'invite.revoked',
	'invite.accepted',
	'demo.seeded',
	'workflow.published',
	'workflow.consultation_closed',
	'workflow.submitted',
	'workflow.countersigned',
	'workflow.confirmed',
	'workflow.advanced',
	'workflow.returned',
	'workflow.approved',
	'workflow.signoff_failed',
	'workflow.resumed',
	'workflow.reopened',
	'workflow.policy_changed',
	/** 5.1.3 feedback on N−1's 定稿 filed (target: N−1), and answered by N−1's owners. */
	'workflow.feedback',
	/** A representative's 有异议 answered by the owning department (issue 14). */
	'workflow.objection_answered',
	'workflow.feedback_answered',
	'comment.created',
	'comment.replied',
	'comment.resolved',
	'comment.reopened',
	'consultation.opened',
	'consultation.closed',
	'consultation.commented',
	'consultation.answered',
	'consultation.answer_confirmed',
	/** A 修改建议 applied into the live draft as a tracked suggestion (issue 17). */
	'consultation.suggestion_applied',
	/** The owners accepted or rejected such a suggestion (seen by the collaboration server). */
	'consultation.suggestion_decided',
	'consultation.public_submitted',
	'consultation.public_moderated',
	/** A running round switched between 公开 and 不公开 (consultation/openness.ts). */
	'consultation.openness_changed',
	'history.version_saved',
	'history.restored',
	/** A Word file imported into a section's live draft (src/lib/server/docx-import/). */
	'section.docx_imported',
	/** A manual check (issue 18) confirmed by a named reviewer, or the confirmation withdrawn. */
	'conformance.manual_confirmed',
	'conformance.manual_revoked',
	'integrity.failed',
	/** Stored Yjs state failed its checksum (collab/integrity.ts). */
	'document.integrity_failed',
	/**
	 * A collaboration update was refused: it would have stored a malformed block row, or a
	 * suggest-only (修订) connection changed text outside suggestion marks.
	 */
	'document.update_refused'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
	action: AuditAction;
	actorId?: number | null;
	planId?: number | null;
	target?: string | null;
	details?: Record<string, unknown>;
	ip?: string | null;
}

export function appendAudit(input: AuditInput): void {
	appendAuditMany([input]);
}

/** Rows per INSERT when many entries are appended (well under SQLite's variable limit). */
const AUDIT_BATCH = 200;

/**
 * Appends entries in order, chained as `appendAudit` would one by one, in one pass: the chain's
 * head is read once and the rows inserted in batches (批量答复 of 1,000 opinions writes 1,000).
 */
export function appendAuditMany(inputs: readonly AuditInput[]): void {
	if (inputs.length === 0) return;
	const db = getDb();
	const { auditLog } = schema;
	db.$client
		.transaction(() => {
			const last = db
				.select({ id: auditLog.id, hash: auditLog.hash })
				.from(auditLog)
				.orderBy(desc(auditLog.id))
				.limit(1)
				.get();
			let id = last?.id ?? 0;
			let prevHash = last?.hash ?? GENESIS_HASH;
			const at = new Date();
			const rows = inputs.map((input) => {
				const content = {
					id: ++id,
					at,
					actorId: input.actorId ?? null,
					action: input.action,
					planId: input.planId ?? null,
					target: input.target ?? null,
					details: canonicalJson(input.details ?? {}),
					ip: input.ip ?? null
				};
				const row = { ...content, prevHash, hash: entryHash(prevHash, content) };
				prevHash = row.hash;
				return row;
			});
			for (let i = 0; i < rows.length; i += AUDIT_BATCH)
				db.insert(auditLog)
					.values(rows.slice(i, i + AUDIT_BATCH))
					.run();
		})
		.immediate();
	scheduleAuditCheckpoint();
}

/** Every anchor of the chain: the checkpoint file and the heads in version payloads. */
export function auditAnchors(): AuditAnchor[] {
	const db = getDb();
	const versionIds = new Map(
		db
			.select({ id: schema.activityVersions.id, hash: schema.activityVersions.hash })
			.from(schema.activityVersions)
			.orderBy(asc(schema.activityVersions.id))
			.all()
			.map((v) => [v.hash, v.id] as const)
			.reverse()
	);
	const rows = db.$client
		.prepare('SELECT hash, payload FROM version_contents')
		.iterate() as IterableIterator<{ hash: string; payload: string }>;
	const anchors = payloadAnchors(rows, versionIds);
	const checkpoint = currentCheckpoint();
	if (checkpoint) anchors.push({ id: checkpoint.id, hash: checkpoint.hash, source: 'checkpoint' });
	return anchors;
}

export function verifyAuditLog(): ChainResult {
	const db = getDb();
	const rows = db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id)).all();
	return verifyChain(rows, auditAnchors());
}

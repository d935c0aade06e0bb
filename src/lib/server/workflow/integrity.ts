/**
 * Verify on every read (issue 13): the one way to load a frozen version. It recomputes the SHA-256
 * of the stored payload and checks it against the version's recorded hash and against every
 * sign-off record that references the version; anything else is an integrity failure, which
 * readers show as 完整性校验失败 (pages) or refuse with 409 (exports, commenting) — a mismatch is
 * never rendered as signed.
 *
 * Each detection writes an error log line; the audit entry (`integrity.failed`) is written once
 * per version and computed hash per process and hour, so a page-view storm on a tampered version
 * does not flood the audit log while every restart and every new tampering is still recorded.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { VERSION_FORMATS, type VersionPayload } from '../../workflow/version.ts';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { logger } from '../log.ts';
import { getVersion, sha256Hex, versionPayload } from './versions.ts';

export type VersionRow = typeof schema.activityVersions.$inferSelect;

/**
 * `hash`: the stored bytes hash to something else; `missing`: no bytes under the recorded hash (the
 * version's hash was changed); `signature`: a sign-off record of the version (for a 定稿: its
 * approval) names another hash, or a 定稿 has no approval;
 * `format`: the bytes are not a payload of this version.
 */
export type IntegrityProblem = 'hash' | 'missing' | 'signature' | 'format';

export interface IntegrityFailure {
	versionId: number;
	planId: number;
	problem: IntegrityProblem;
	/** The hash recorded for the version (activity_versions). */
	recorded: string;
	/** The SHA-256 of the stored bytes, or of the hash a sign-off record names; null when none. */
	computed: string | null;
}

export type VerifiedVersion =
	| { ok: true; version: VersionRow; text: string; payload: VersionPayload }
	| { ok: false; version: VersionRow; failure: IntegrityFailure };

const log = logger('integrity');
/** Per process: only thins out repeated audit entries (with N instances, at most N an hour). */
const AUDIT_EVERY_MS = 60 * 60 * 1000;
const audited = new Map<string, number>();

function check(version: VersionRow): VerifiedVersion {
	const fail = (problem: IntegrityProblem, computed: string | null): VerifiedVersion => ({
		ok: false,
		version,
		failure: {
			versionId: version.id,
			planId: version.planId,
			problem,
			recorded: version.hash,
			computed
		}
	});
	const text = versionPayload(version.hash);
	if (text === undefined) return fail('missing', null);
	const computed = sha256Hex(text);
	if (computed !== version.hash) return fail('hash', computed);
	const other = getDb()
		.select({ hash: schema.activitySignatures.hash })
		.from(schema.activitySignatures)
		.where(eq(schema.activitySignatures.versionId, version.id))
		.all()
		.find((s) => s.hash !== version.hash);
	if (other) return fail('signature', other.hash);
	// A 定稿 is referenced by no signature of its own: its approval signs the 报批稿 it was frozen
	// from (same hash). The latest approval before it must name its hash, or the version's hash
	// (and payload) were swapped after the leader signed.
	if (version.milestone === 'final') {
		const s = schema.activitySignatures;
		const approval = getDb()
			.select({ hash: s.hash })
			.from(s)
			.where(
				and(
					eq(s.planId, version.planId),
					eq(s.activity, version.activity),
					eq(s.kind, 'approve'),
					lt(s.versionId, version.id)
				)
			)
			.orderBy(desc(s.id))
			.limit(1)
			.get();
		if (!approval) return fail('signature', null);
		if (approval.hash !== version.hash) return fail('signature', approval.hash);
	}
	let payload: VersionPayload;
	try {
		payload = JSON.parse(text) as VersionPayload;
	} catch {
		return fail('format', computed);
	}
	if (
		!VERSION_FORMATS.includes(payload.format) ||
		payload.planId !== version.planId ||
		payload.activity !== version.activity ||
		!Array.isArray(payload.sections)
	)
		return fail('format', computed);
	return { ok: true, version, text, payload };
}

/** Logs (always) and audits (throttled) a failed check. */
export function reportIntegrityFailure(failure: IntegrityFailure, now = Date.now()): void {
	log.error(failure, 'frozen version failed its integrity check');
	const key = `${failure.versionId}:${failure.problem}:${failure.computed ?? '-'}`;
	const last = audited.get(key);
	if (last !== undefined && now - last < AUDIT_EVERY_MS) return;
	audited.set(key, now);
	if (audited.size > 10_000) audited.clear();
	try {
		appendAudit({
			action: 'integrity.failed',
			planId: failure.planId,
			target: `version:${failure.versionId}`,
			details: { ...failure }
		});
	} catch (error) {
		log.error({ err: error, versionId: failure.versionId }, 'could not audit an integrity failure');
	}
}

/**
 * A frozen version with its verified payload, or the integrity failure (already logged and
 * audited); undefined when there is no such version.
 */
export function loadVerifiedVersion(versionId: number): VerifiedVersion | undefined {
	const version = getVersion(versionId);
	if (!version) return undefined;
	const result = check(version);
	if (!result.ok) reportIntegrityFailure(result.failure);
	return result;
}

/** The same for a version row already read. */
export function verifyVersionRow(version: VersionRow): VerifiedVersion {
	const result = check(version);
	if (!result.ok) reportIntegrityFailure(result.failure);
	return result;
}

/** For services: the verified payload, or a 409 `integrity-failed` refusal. */
export function requireVerifiedPayload(versionId: number): VersionPayload {
	const result = loadVerifiedVersion(versionId);
	if (!result) throw new DomainError('not-found', {}, 404);
	if (!result.ok)
		throw new DomainError(
			'integrity-failed',
			{ recorded: result.failure.recorded, computed: result.failure.computed ?? '—' },
			409
		);
	return result.payload;
}

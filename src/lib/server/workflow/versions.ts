/**
 * Freezing an activity into a version: every section's Yjs state plus its canonical rendering, the
 * activity's consultation record and the audit chain's head, as canonical JSON, with a SHA-256 over
 * it. Content is stored once per hash; a freeze whose content (sections and record) equals an
 * earlier version of the activity reuses that version's payload, so unchanged content keeps its
 * hash (the 报批稿 and 定稿 of an unchanged 送审稿, a resubmission after a return) and the anchor
 * it was first frozen with. Reading a payload back goes through integrity.ts.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { canonicalJson } from '../../canonical-json.ts';
import { readSectionData } from '../../collab/section-doc.ts';
import { sectionDocumentName, type Activity } from '../../standard/sections.ts';
import { templatesOf } from '../../templates/registry.ts';
import {
	VERSION_FORMAT,
	type AuditAnchor,
	type FrozenSection,
	type VersionPayload
} from '../../workflow/version.ts';
import type { Milestone } from '../../workflow/machine.ts';
import { getCollab } from '../collab.ts';
import { consultationRecord } from '../consultation/record.ts';
import { getDb, schema } from '../db/index.ts';

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

function renderSections(planId: number, activity: Activity): FrozenSection[] {
	return templatesOf(activity).map((template) => {
		const doc = getCollab().readDocument(sectionDocumentName(planId, template.clause));
		try {
			return {
				clause: template.clause,
				title: template.title,
				rendering: readSectionData(doc, template),
				yjs: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64')
			};
		} finally {
			doc.destroy();
		}
	});
}

function auditHead(): AuditAnchor | null {
	const a = schema.auditLog;
	return (
		getDb().select({ id: a.id, hash: a.hash }).from(a).orderBy(desc(a.id)).limit(1).get() ?? null
	);
}

/**
 * The audit anchor's place in a format 2 payload: canonical JSON sorts the top-level keys, so
 * `activity` and then `auditHead` lead. Two payloads with the same content differ only there.
 */
const ANCHOR_SEGMENT =
	/^(\{"activity":"[a-z]+",)"auditHead":(?:null|\{"hash":"[0-9a-f]{64}","id":\d+\}),/;
const FORMAT_1 = /^\{"activity":"[a-z]+","format":"lantu-version\/1",/;

/** A format 2 payload without its anchor: what a freeze compares to see whether content changed. */
function withoutAnchor(text: string): string {
	return text.replace(ANCHOR_SEGMENT, '$1');
}

/** The payload of an activity's sections (and consultation record) as they are now. */
export function renderActivity(planId: number, activity: Activity): string {
	const payload: VersionPayload = {
		format: VERSION_FORMAT,
		planId,
		activity,
		sections: renderSections(planId, activity),
		consultation: consultationRecord(planId, activity),
		auditHead: auditHead()
	};
	return canonicalJson(payload);
}

/**
 * An earlier version of the activity with this content, whose stored payload still hashes to its
 * hash (a tampered payload is never reused). Format 2 payloads compare as strings without their
 * anchor (no parsing: a plan's payload is megabytes); a format 1 payload, frozen before the record
 * was, compares by its sections only and only for the 报批稿 and 定稿, so an activity in review or
 * approval at the upgrade can still be approved with the hash its reviewers signed.
 */
function sameContent(
	planId: number,
	activity: Activity,
	milestone: Milestone,
	fresh: string
): string | null {
	// Only the steps that must keep the signed hash reuse a format 1 payload; a new 征求意见稿 or
	// 送审稿 is frozen with its record.
	const legacy = milestone === 'approval' || milestone === 'final';
	const v = schema.activityVersions;
	// Newest first, each hash once (GROUP BY: PostgreSQL orders DISTINCT rows only by what they select).
	const hashes = getDb()
		.select({ hash: v.hash })
		.from(v)
		.where(and(eq(v.planId, planId), eq(v.activity, activity)))
		.groupBy(v.hash)
		.orderBy(desc(sql`max(${v.id})`))
		.all();
	const key = withoutAnchor(fresh);
	let sections: string | undefined;
	for (const { hash } of hashes) {
		const text = versionPayload(hash);
		if (!text) continue;
		let same: boolean;
		if (FORMAT_1.test(text)) {
			if (!legacy) continue;
			sections ??= canonicalJson((JSON.parse(fresh) as VersionPayload).sections);
			same = canonicalJson((JSON.parse(text) as VersionPayload).sections) === sections;
		} else same = withoutAnchor(text) === key;
		if (same && sha256Hex(text) === hash) return hash;
	}
	return null;
}

export function freezeVersion(
	planId: number,
	activity: Activity,
	milestone: Milestone,
	actorId: number | null,
	waiver: string | null = null,
	consultationWaiver: string | null = null
) {
	const db = getDb();
	const payload = renderActivity(planId, activity);
	let hash = sameContent(planId, activity, milestone, payload);
	if (!hash) {
		hash = sha256Hex(payload);
		db.insert(schema.versionContents).values({ hash, payload }).onConflictDoNothing().run();
	}
	const existing = db
		.select({ n: count() })
		.from(schema.activityVersions)
		.where(
			and(
				eq(schema.activityVersions.planId, planId),
				eq(schema.activityVersions.activity, activity)
			)
		)
		.get();
	return db
		.insert(schema.activityVersions)
		.values({
			planId,
			activity,
			milestone,
			seq: (existing?.n ?? 0) + 1,
			hash,
			waiver,
			consultationWaiver,
			createdBy: actorId
		})
		.returning()
		.get();
}

export function getVersion(versionId: number) {
	return getDb()
		.select()
		.from(schema.activityVersions)
		.where(eq(schema.activityVersions.id, versionId))
		.get();
}

/** The stored bytes under a hash, unverified: readers use `loadVerifiedVersion` (integrity.ts). */
export function versionPayload(hash: string): string | undefined {
	return getDb()
		.select({ payload: schema.versionContents.payload })
		.from(schema.versionContents)
		.where(eq(schema.versionContents.hash, hash))
		.get()?.payload;
}

export function versionsOf(planId: number, activity?: Activity) {
	const v = schema.activityVersions;
	return getDb()
		.select({
			id: v.id,
			activity: v.activity,
			milestone: v.milestone,
			seq: v.seq,
			hash: v.hash,
			waiver: v.waiver,
			createdAt: v.createdAt,
			supersededAt: v.supersededAt,
			createdBy: schema.users.displayName
		})
		.from(v)
		.leftJoin(schema.users, eq(v.createdBy, schema.users.id))
		.where(activity ? and(eq(v.planId, planId), eq(v.activity, activity)) : eq(v.planId, planId))
		.orderBy(asc(v.id))
		.all();
}

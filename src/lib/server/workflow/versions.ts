/**
 * Freezing an activity into a version: every section's Yjs state plus its canonical rendering, the
 * activity's consultation record and the audit chain's head, as canonical JSON, with a SHA-256 over
 * it. Content is stored once per hash; a freeze whose content (sections and record) equals an
 * earlier version of the activity reuses that version's payload, so unchanged content keeps its
 * hash (the 报批稿 and 定稿 of an unchanged 送审稿, a resubmission after a return) and the anchor
 * it was first frozen with. Reading a payload back goes through integrity.ts.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq } from 'drizzle-orm';
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

/** What a freeze compares to decide whether content changed: everything but the anchor. */
function contentKey(payload: Pick<VersionPayload, 'format' | 'sections' | 'consultation'>): string {
	// A format 1 payload has no record: compare its sections only, so an activity frozen before
	// the upgrade can still be approved with the hash its reviewers signed.
	return payload.format === VERSION_FORMAT
		? canonicalJson({ sections: payload.sections, consultation: payload.consultation })
		: canonicalJson({ sections: payload.sections });
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
 * hash (a tampered payload is never reused).
 */
function sameContent(planId: number, activity: Activity, fresh: VersionPayload): string | null {
	const v = schema.activityVersions;
	const hashes = getDb()
		.selectDistinct({ hash: v.hash })
		.from(v)
		.where(and(eq(v.planId, planId), eq(v.activity, activity)))
		.orderBy(desc(v.id))
		.all();
	const key = contentKey(fresh);
	for (const { hash } of hashes) {
		const text = versionPayload(hash);
		if (!text || sha256Hex(text) !== hash) continue;
		const old = JSON.parse(text) as VersionPayload;
		const freshKey =
			old.format === VERSION_FORMAT ? key : contentKey({ ...fresh, format: old.format });
		if (contentKey(old) === freshKey) return hash;
	}
	return null;
}

export function freezeVersion(
	planId: number,
	activity: Activity,
	milestone: Milestone,
	actorId: number | null,
	waiver: string | null = null
) {
	const db = getDb();
	const payload = renderActivity(planId, activity);
	let hash = sameContent(planId, activity, JSON.parse(payload) as VersionPayload);
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

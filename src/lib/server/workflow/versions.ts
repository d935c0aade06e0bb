/**
 * Freezing an activity into a version: every section's Yjs state plus its canonical rendering, as
 * canonical JSON, with a SHA-256 over it. Content is stored once per hash.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { canonicalJson } from '../../canonical-json.ts';
import { readSectionData } from '../../collab/section-doc.ts';
import { sectionDocumentName, type Activity } from '../../standard/sections.ts';
import { templatesOf } from '../../templates/registry.ts';
import { VERSION_FORMAT, type VersionPayload } from '../../workflow/version.ts';
import type { Milestone } from '../../workflow/machine.ts';
import { getCollab } from '../collab.ts';
import { getDb, schema } from '../db/index.ts';

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The payload of an activity's sections as they are now. */
export function renderActivity(planId: number, activity: Activity): string {
	const sections = templatesOf(activity).map((template) => {
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
	const payload: VersionPayload = { format: VERSION_FORMAT, planId, activity, sections };
	return canonicalJson(payload);
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
	const hash = sha256Hex(payload);
	db.insert(schema.versionContents).values({ hash, payload }).onConflictDoNothing().run();
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

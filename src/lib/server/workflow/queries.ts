/** What the workflow pages show: progress of the four activities, one activity's state, timeline. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { ACTIVITIES, ACTIVITY_CHAPTER, type Activity } from '../../standard/sections.ts';
import { signOffStatus } from '../../workflow/policy.ts';
import type { ActivityProgressItem, VersionSummary } from '../../workflow/progress.ts';
import { getDb, schema } from '../db/index.ts';
import { loadPolicy } from './policy.ts';
import { signaturesOf } from './service.ts';
import { getVersion } from './versions.ts';

function versionSummary(id: number | null): VersionSummary | null {
	const version = id ? getVersion(id) : undefined;
	return version
		? {
				id: version.id,
				milestone: version.milestone,
				seq: version.seq,
				hash: version.hash,
				supersededAt: version.supersededAt?.getTime() ?? null
			}
		: null;
}

/** The four activities at a glance (for ActivityProgress.svelte on the plan page). */
export function loadActivityProgress(planId: number): ActivityProgressItem[] {
	const rows = getDb()
		.select()
		.from(schema.planActivities)
		.where(eq(schema.planActivities.planId, planId))
		.all();
	return ACTIVITIES.map((activity) => {
		const row = rows.find((r) => r.activity === activity);
		const current = versionSummary(row?.currentVersionId ?? null);
		const policy = loadPolicy(planId, activity);
		const status = current
			? signOffStatus(policy, signaturesOf(planId, activity), current.hash)
			: undefined;
		return {
			activity,
			chapter: ACTIVITY_CHAPTER[activity],
			state: row?.state ?? 'drafting',
			updatedAt: row?.updatedAt.getTime() ?? null,
			current,
			approved: versionSummary(row?.approvedVersionId ?? null),
			countersigned: status?.countersigned.length ?? 0,
			departments: policy.departments.length
		};
	});
}

const TIMELINE_DETAIL_KEYS = [
	'hash',
	'milestone',
	'versionId',
	'waiver',
	'reason',
	'text'
] as const;

/** Who did what, when, with which version hash — from the audit log itself. */
export function loadTimeline(planId: number, activity: Activity) {
	const a = schema.auditLog;
	return getDb()
		.select({
			id: a.id,
			at: a.at,
			action: a.action,
			details: a.details,
			actor: schema.users.displayName
		})
		.from(a)
		.leftJoin(schema.users, eq(a.actorId, schema.users.id))
		.where(and(eq(a.planId, planId), eq(a.target, `activity:${activity}`)))
		.orderBy(desc(a.id))
		.all()
		.map((entry) => {
			const details = JSON.parse(entry.details) as Record<string, unknown>;
			const picked: Record<string, string> = {};
			for (const key of TIMELINE_DETAIL_KEYS) {
				const value = details[key];
				if (typeof value === 'string' || typeof value === 'number') picked[key] = String(value);
			}
			const opinions = Array.isArray(details.opinions) ? details.opinions.length : 0;
			return {
				id: entry.id,
				at: entry.at.getTime(),
				action: entry.action,
				actor: entry.actor ?? '',
				details: picked,
				opinions
			};
		});
}

/** Returns with their opinions, newest first; each opinion points to its section. */
export function loadReturns(planId: number, activity: Activity) {
	const s = schema.activitySignatures;
	const returns = getDb()
		.select({
			id: s.id,
			at: s.createdAt,
			hash: s.hash,
			versionId: s.versionId,
			user: schema.users.displayName,
			organization: schema.organizations.name
		})
		.from(s)
		.innerJoin(schema.users, eq(s.userId, schema.users.id))
		.innerJoin(schema.organizations, eq(s.organizationId, schema.organizations.id))
		.where(and(eq(s.planId, planId), eq(s.activity, activity), eq(s.kind, 'return')))
		.orderBy(desc(s.id))
		.all();
	if (returns.length === 0) return [];
	const opinions = getDb()
		.select()
		.from(schema.returnOpinions)
		.where(
			inArray(
				schema.returnOpinions.signatureId,
				returns.map((r) => r.id)
			)
		)
		.orderBy(asc(schema.returnOpinions.id))
		.all();
	return returns.map((r) => ({
		...r,
		at: r.at.getTime(),
		opinions: opinions
			.filter((o) => o.signatureId === r.id)
			.map((o) => ({ clause: o.clause, text: o.text }))
	}));
}

/** Signatures given to one hash, with names (for the sign-off panel). */
export function loadSignatures(planId: number, activity: Activity, hash: string) {
	const s = schema.activitySignatures;
	return getDb()
		.select({
			kind: s.kind,
			at: s.createdAt,
			userId: s.userId,
			user: schema.users.displayName,
			organizationId: s.organizationId,
			organization: schema.organizations.name,
			participant: s.participant
		})
		.from(s)
		.innerJoin(schema.users, eq(s.userId, schema.users.id))
		.innerJoin(schema.organizations, eq(s.organizationId, schema.organizations.id))
		.where(and(eq(s.planId, planId), eq(s.activity, activity), eq(s.hash, hash)))
		.orderBy(asc(s.id))
		.all()
		.map((r) => ({ ...r, at: r.at.getTime() }));
}

export function loadPriorFeedback(planId: number, activity: Activity) {
	const f = schema.priorFeedback;
	return getDb()
		.select({ id: f.id, at: f.createdAt, text: f.text, user: schema.users.displayName })
		.from(f)
		.innerJoin(schema.users, eq(f.userId, schema.users.id))
		.where(and(eq(f.planId, planId), eq(f.activity, activity)))
		.orderBy(desc(f.id))
		.all()
		.map((r) => ({ ...r, at: r.at.getTime() }));
}

/**
 * Opinions of the activity's latest return that concern one section, while the activity is being
 * fixed (returned, or drafting again after it): for the section page (SectionOpinions.svelte).
 */
export function loadSectionOpinions(planId: number, clause: string, activity: Activity) {
	const row = getDb()
		.select()
		.from(schema.planActivities)
		.where(
			and(eq(schema.planActivities.planId, planId), eq(schema.planActivities.activity, activity))
		)
		.get();
	if (!row || (row.state !== 'returned' && row.state !== 'drafting')) return [];
	const latest = loadReturns(planId, activity)[0];
	if (!latest || latest.versionId !== row.currentVersionId) return [];
	return latest.opinions
		.filter((o) => o.clause === clause)
		.map((o) => ({
			text: o.text,
			user: latest.user,
			organization: latest.organization,
			at: latest.at
		}));
}

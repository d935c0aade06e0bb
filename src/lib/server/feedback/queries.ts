/**
 * 5.1.3 feedback as pages, 待办 and exports read it: one list with who filed it (and from which
 * activity), its anchor, its answer and who gave it.
 */
import { and, asc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { canAnswerFeedback } from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import { findSection, type Activity } from '../../standard/sections.ts';
import { sectionState } from '../access.ts';
import { getDb, schema } from '../db/index.ts';
import { sectionOwners } from '../plans.ts';

const f = schema.priorFeedback;
const answerer = alias(schema.users, 'answerer');
const filerOrg = alias(schema.organizations, 'filer_org');

function select(where: SQL | undefined) {
	return getDb()
		.select({
			id: f.id,
			activity: f.activity,
			fromActivity: f.fromActivity,
			versionId: f.versionId,
			versionSeq: schema.activityVersions.seq,
			versionHash: schema.activityVersions.hash,
			clause: f.clause,
			rowLabel: f.rowLabel,
			quote: f.quote,
			text: f.text,
			at: f.createdAt,
			userId: f.userId,
			user: schema.users.displayName,
			organization: filerOrg.name,
			disposition: f.disposition,
			resolution: f.resolution,
			answer: f.answer,
			answeredBy: answerer.displayName,
			answeredAt: f.answeredAt
		})
		.from(f)
		.innerJoin(schema.users, eq(f.userId, schema.users.id))
		.leftJoin(filerOrg, eq(f.organizationId, filerOrg.id))
		.leftJoin(answerer, eq(f.answeredBy, answerer.id))
		.leftJoin(schema.activityVersions, eq(f.versionId, schema.activityVersions.id))
		.where(where)
		.orderBy(asc(f.id))
		.all()
		.map((r) => ({
			...r,
			sectionTitle: r.clause ? (findSection(r.clause)?.title ?? '') : '',
			at: r.at.getTime(),
			answeredAt: r.answeredAt?.getTime() ?? null
		}));
}

export type FeedbackItem = ReturnType<typeof select>[number];

/** Feedback about activity `activity` (filed from the next one), oldest first. */
export function feedbackAbout(planId: number, activity: Activity): FeedbackItem[] {
	return select(and(eq(f.planId, planId), eq(f.activity, activity)));
}

/** Feedback on one frozen version (the 定稿 it was filed on). */
export function feedbackOnVersion(planId: number, versionId: number): FeedbackItem[] {
	return select(and(eq(f.planId, planId), eq(f.versionId, versionId)));
}

/**
 * Adopted feedback on a section whose activity is being revised after its 定稿 (the version it was
 * filed on superseded by a reopening): what the section's editors are to address now.
 */
export function adoptedForRevision(planId: number, clause: string): FeedbackItem[] {
	if (!findSection(clause)) return [];
	const state = sectionState(planId, clause);
	if (state !== 'drafting' && state !== 'returned') return [];
	return select(
		and(
			eq(f.planId, planId),
			eq(f.clause, clause),
			eq(f.disposition, 'adopted'),
			isNotNull(schema.activityVersions.supersededAt)
		)
	);
}

/** Every item of a plan (the export's records). */
export function feedbackOfPlan(planId: number): FeedbackItem[] {
	return select(eq(f.planId, planId));
}

/** Unanswered feedback a member answers for, per activity it is about (待办). */
export function unansweredFor(
	planId: number,
	membership: Membership
): { activity: Activity; count: number; since: number; firstId: number }[] {
	const rows = getDb()
		.select({ id: f.id, activity: f.activity, clause: f.clause, at: f.createdAt })
		.from(f)
		.where(and(eq(f.planId, planId), isNull(f.disposition), isNotNull(f.clause)))
		.orderBy(asc(f.id))
		.all();
	if (rows.length === 0) return [];
	const owners = sectionOwners(planId);
	const groups = new Map<
		Activity,
		{ activity: Activity; count: number; since: number; firstId: number }
	>();
	for (const row of rows) {
		const ids = (owners.get(row.clause ?? '') ?? []).map((o) => o.id);
		if (!canAnswerFeedback(membership, ids)) continue;
		const group = groups.get(row.activity);
		if (group) group.count += 1;
		else
			groups.set(row.activity, {
				activity: row.activity,
				count: 1,
				since: row.at.getTime(),
				firstId: row.id
			});
	}
	return [...groups.values()];
}

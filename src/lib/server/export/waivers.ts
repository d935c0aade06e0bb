/**
 * The waivers the conformance statement cites: for each activity, the reason given when it last went
 * to review with required items open, and who gave it. Superseded versions (the activity was reopened
 * since) no longer speak for the plan.
 */
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { ActivityWaiver } from '../../export/conformance-statement.ts';
import { getDb, schema } from '../db/index.ts';

export function loadWaivers(planId: number): ActivityWaiver[] {
	const v = schema.activityVersions;
	const rows = getDb()
		.select({
			activity: v.activity,
			reason: v.waiver,
			at: v.createdAt,
			by: schema.users.displayName
		})
		.from(v)
		.leftJoin(schema.users, eq(v.createdBy, schema.users.id))
		.where(and(eq(v.planId, planId), isNotNull(v.waiver), isNull(v.supersededAt)))
		.orderBy(desc(v.createdAt), desc(v.id))
		.all();
	const latest = new Map<string, ActivityWaiver>();
	for (const row of rows) {
		if (latest.has(row.activity) || !row.reason) continue;
		latest.set(row.activity, {
			activity: row.activity,
			reason: row.reason,
			by: row.by ?? '',
			at: row.at.toISOString()
		});
	}
	return [...latest.values()];
}

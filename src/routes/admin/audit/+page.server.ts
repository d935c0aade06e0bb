import { and, desc, eq, like, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { lineText } from '#lib/forms.ts';
import { AUDIT_ACTIONS, verifyAuditLog } from '#lib/server/audit/index.ts';
import { getDb, schema } from '#lib/server/db/index.ts';
import { requireSystemAdmin } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 100;

const Filter = z.object({
	action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
	plan: z.coerce.number().int().positive().optional().catch(undefined),
	actor: lineText.toLowerCase().max(32).optional().catch(undefined),
	target: lineText.max(100).optional().catch(undefined),
	before: z.coerce.number().int().positive().optional().catch(undefined)
});

export const load: PageServerLoad = (event) => {
	requireSystemAdmin(event);
	const filter = Filter.parse(Object.fromEntries(event.url.searchParams));
	const a = schema.auditLog;
	const conditions: SQL[] = [];
	if (filter.action) conditions.push(eq(a.action, filter.action));
	if (filter.plan) conditions.push(eq(a.planId, filter.plan));
	if (filter.actor) conditions.push(eq(schema.users.username, filter.actor));
	if (filter.target) conditions.push(like(a.target, `%${filter.target.replace(/[%_]/g, '')}%`));
	if (filter.before) conditions.push(lt(a.id, filter.before));
	const rows = getDb()
		.select({
			id: a.id,
			at: a.at,
			action: a.action,
			planId: a.planId,
			target: a.target,
			details: a.details,
			ip: a.ip,
			hash: a.hash,
			actor: schema.users.displayName,
			username: schema.users.username
		})
		.from(a)
		.leftJoin(schema.users, eq(a.actorId, schema.users.id))
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(desc(a.id))
		.limit(PAGE_SIZE + 1)
		.all();
	return {
		filter: {
			action: filter.action ?? '',
			plan: filter.plan ? String(filter.plan) : '',
			actor: filter.actor ?? '',
			target: filter.target ?? ''
		},
		actions: AUDIT_ACTIONS,
		// Details name organizations by id; the page shows their names.
		organizations: Object.fromEntries(
			getDb()
				.select({ id: schema.organizations.id, name: schema.organizations.name })
				.from(schema.organizations)
				.all()
				.map((o) => [o.id, o.name])
		) as Record<number, string>,
		entries: rows.slice(0, PAGE_SIZE).map((r) => ({ ...r, at: r.at.getTime() })),
		nextBefore: rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1].id : null
	};
};

export const actions: Actions = {
	verify: (event) => {
		requireSystemAdmin(event);
		const result = verifyAuditLog();
		return { form: 'verify', result };
	}
};

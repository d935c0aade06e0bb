/**
 * Display names by id, for records that store only who acted (resolved a thread, answered an
 * objection) and show their name beside it.
 */
import { inArray } from 'drizzle-orm';
import { getDb, schema } from './db/index.ts';

const NAMED = {
	user: { table: schema.users, id: schema.users.id, name: schema.users.displayName },
	organization: {
		table: schema.organizations,
		id: schema.organizations.id,
		name: schema.organizations.name
	}
} as const;

function namesById(kind: keyof typeof NAMED, ids: Iterable<number>): Map<number, string> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map();
	const { table, id, name } = NAMED[kind];
	const rows = getDb().select({ id, name }).from(table).where(inArray(id, unique)).all();
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** Users' display names by id (unknown ids are simply absent). */
export const userNames = (ids: Iterable<number>) => namesById('user', ids);

/** Organizations' names by id (unknown ids are simply absent). */
export const organizationNames = (ids: Iterable<number>) => namesById('organization', ids);

/**
 * Display names by id, for records that store only who acted (resolved a thread, answered an
 * objection) and show their name beside it.
 */
import { inArray } from 'drizzle-orm';
import { getDb, schema } from './db/index.ts';

/** Users' display names by id (unknown ids are simply absent). */
export function userNames(ids: Iterable<number>): Map<number, string> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map();
	const { users } = schema;
	const rows = getDb()
		.select({ id: users.id, name: users.displayName })
		.from(users)
		.where(inArray(users.id, unique))
		.all();
	return new Map(rows.map((u) => [u.id, u.name]));
}

/** Organizations' names by id (unknown ids are simply absent). */
export function organizationNames(ids: Iterable<number>): Map<number, string> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map();
	const { organizations } = schema;
	const rows = getDb()
		.select({ id: organizations.id, name: organizations.name })
		.from(organizations)
		.where(inArray(organizations.id, unique))
		.all();
	return new Map(rows.map((o) => [o.id, o.name]));
}

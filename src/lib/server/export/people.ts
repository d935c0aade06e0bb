/**
 * The instance's people by user id — name and organization — so an export of the live draft can
 * name who proposed each revision (a suggestion's id carries only the user id: suggestions/ids.ts).
 * Every account, not only today's members: a suggestion outlives its author's membership.
 */
import { eq } from 'drizzle-orm';
import type { People } from '../../export/revisions.ts';
import { getDb, schema } from '../db/index.ts';

export function exportPeople(): People {
	const rows = getDb()
		.select({
			id: schema.users.id,
			name: schema.users.displayName,
			organization: schema.organizations.name
		})
		.from(schema.users)
		.leftJoin(schema.organizations, eq(schema.organizations.id, schema.users.organizationId))
		.all();
	return Object.fromEntries(
		rows.map((r) => [r.id, { name: r.name, organization: r.organization ?? '' }])
	);
}

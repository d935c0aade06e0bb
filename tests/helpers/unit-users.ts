/** Accounts for unit tests that need user rows in the in-process database (sessions, …). */
import { getDb, schema } from '../../src/lib/server/db/index.ts';

/** A department 测试局 with one user per name (display name = name); their ids, in order. */
export function insertTestUsers(...usernames: string[]): number[] {
	const db = getDb();
	const org = db
		.insert(schema.organizations)
		.values({ name: '测试局', type: 'government' })
		.returning()
		.get();
	return usernames.map(
		(username) =>
			db
				.insert(schema.users)
				.values({ username, displayName: username, passwordHash: 'x', organizationId: org.id })
				.returning()
				.get().id
	);
}

/**
 * Per test file: in the PostgreSQL pass, drop the databases this file's servers used once its own
 * afterAll hooks (which stop the servers) have run — afterAll hooks run in reverse order, so this
 * one, registered first, runs last. The cluster itself goes at the end of the run.
 */
import { afterAll } from 'vitest';
import { dropDatabase } from '../helpers/postgres.ts';
import { PG_ADMIN_URL_ENV, takeTestDatabases, testDatabaseKind } from '../helpers/server.ts';

if (testDatabaseKind() === 'postgres') {
	afterAll(async () => {
		const admin = process.env[PG_ADMIN_URL_ENV];
		if (!admin) return;
		for (const url of takeTestDatabases()) {
			await dropDatabase(admin, new URL(url).pathname.slice(1));
		}
	});
}

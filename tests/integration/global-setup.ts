/**
 * Builds the app once before the integration tests, unless the caller already did
 * (scripts/test.ts builds once for every suite and sets LANTU_SKIP_BUILD). In the PostgreSQL pass
 * (LANTU_TEST_DB=postgres) it also starts one throwaway PostgreSQL cluster for the whole run
 * (tests/helpers/postgres.ts); each server then gets a fresh database in it (tests/helpers/server.ts).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startPostgres } from '../helpers/postgres.ts';
import { NODE, ROOT, PG_ADMIN_URL_ENV, testDatabaseKind } from '../helpers/server.ts';

export default async function setup() {
	if (process.env.LANTU_SKIP_BUILD !== '1') {
		execFileSync(
			NODE,
			[path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
			{ cwd: ROOT, stdio: 'inherit' }
		);
	}
	// A cluster given from outside (PG_ADMIN_URL_ENV already set) is used as it is.
	if (testDatabaseKind() !== 'postgres' || process.env[PG_ADMIN_URL_ENV]) return;
	// Throwaway data: `immediate` skips the shutdown checkpoint.
	const cluster = await startPostgres({ stopMode: 'immediate' });
	// The test workers start after this and inherit the environment.
	process.env[PG_ADMIN_URL_ENV] = cluster.url();
	return async () => {
		await cluster.stop();
	};
}

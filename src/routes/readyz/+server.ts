import { json } from '@sveltejs/kit';
import { getCollab } from '#lib/server/collab.ts';
import { getDb, migrationsApplied } from '#lib/server/db/index.ts';
import { logger } from '#lib/server/log.ts';
import type { RequestHandler } from './$types';

const log = logger('health');

type Check = 'ok' | 'fail';

/**
 * Readiness, for a load balancer (docs/DEPLOY.md): 200 when the database answers and holds every
 * migration of this build, and the collab server admits sockets (and reaches Redis when there are
 * several instances); 503 otherwise — at once while the instance drains before a shutdown.
 */
export const GET: RequestHandler = () => {
	const checks: Record<string, Check> = {};
	try {
		getDb().$client.prepare('SELECT 1').get();
		checks.database = 'ok';
		checks.migrations = migrationsApplied() ? 'ok' : 'fail';
	} catch (error) {
		log.error({ err: error }, 'database check failed');
		checks.database = 'fail';
	}
	let connections = 0;
	try {
		const collab = getCollab();
		const { accepting, redis } = collab.readiness();
		checks.collab = accepting ? 'ok' : 'fail';
		if (redis !== 'off') checks.redis = redis;
		connections = collab.stats().connections;
	} catch (error) {
		log.error({ err: error }, 'collab check failed');
		checks.collab = 'fail';
	}
	const ok = Object.values(checks).every((c) => c === 'ok');
	return json(
		{ status: ok ? 'ok' : 'fail', checks, collabConnections: connections },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};

import { json } from '@sveltejs/kit';
import { getCollab } from '#lib/server/collab.ts';
import { getDb } from '#lib/server/db/index.ts';
import { logger } from '#lib/server/log.ts';
import type { RequestHandler } from './$types';

const log = logger('health');

/** Liveness and readiness: the database answers and the collab server is up. */
export const GET: RequestHandler = () => {
	const checks: Record<string, 'ok' | 'fail'> = {};
	try {
		getDb().$client.prepare('SELECT 1').get();
		checks.database = 'ok';
	} catch (error) {
		log.error({ err: error }, 'database check failed');
		checks.database = 'fail';
	}
	let connections = 0;
	try {
		connections = getCollab().stats().connections;
		checks.collab = 'ok';
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

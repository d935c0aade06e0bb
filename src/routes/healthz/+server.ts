import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Liveness: the process answers HTTP. Nothing else is checked, so a database hiccup does not get a
 * healthy process restarted; whether it should receive traffic is /readyz.
 */
export const GET: RequestHandler = () =>
	json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });

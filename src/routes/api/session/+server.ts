import type { RequestHandler } from './$types';

/**
 * Whether the browser's session is still valid: 204 or 401, nothing else. The collaboration client
 * asks when its socket cannot even open (a refused upgrade shows the browser no status), so an
 * ended session becomes "请重新登录" instead of an endless reconnect.
 */
export const GET: RequestHandler = ({ locals }) =>
	new Response(null, {
		status: locals.user ? 204 : 401,
		headers: { 'cache-control': 'no-store' }
	});

/**
 * The controllable clock for tests (issue 14; src/lib/server/clock.ts). Guarded three ways: the
 * route answers 404 unless the server started with LANTU_TEST_CLOCK=1 (never in production), only
 * to a peer on a loopback address, and only to a signed-in system administrator.
 *
 * POST { now?: ISO date-time, reset?: true, sweep?: true } moves the clock (or resets it) and, with
 * `sweep`, runs the deadline-reminder sweep at once instead of waiting for the hourly housekeeping.
 */
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { canAdministerSite } from '#lib/policy/index.ts';
import { readJson } from '#lib/server/api.ts';
import { now, resetTestClock, setTestNow } from '#lib/server/clock.ts';
import { config } from '#lib/server/config.ts';
import { logger } from '#lib/server/log.ts';
import { remindDueSteps } from '#lib/server/workflow/task-notices.ts';
import type { RequestEvent, RequestHandler } from './$types';

const log = logger('test-clock');

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

const body = z.strictObject({
	now: z.iso.datetime({ offset: true }).optional(),
	reset: z.literal(true).optional(),
	sweep: z.literal(true).optional()
});

function guard(event: RequestEvent) {
	if (!config.LANTU_TEST_CLOCK) error(404, { message: 'not found' });
	let address = '';
	try {
		address = event.getClientAddress();
	} catch {
		// no address: not loopback
	}
	if (!LOOPBACK.test(address)) {
		log.warn({ address }, 'test clock refused: not a loopback peer');
		error(404, { message: 'not found' });
	}
	const user = event.locals.user;
	if (!user) error(401, { message: 'unauthorized' });
	if (!canAdministerSite(user)) error(403, { message: 'forbidden' });
}

export const GET: RequestHandler = (event) => {
	guard(event);
	return json({ now: new Date(now()).toISOString() });
};

export const POST: RequestHandler = async (event) => {
	guard(event);
	const input = await readJson(event.request, body);
	if (!input.ok) return input.response;
	if (input.data.reset) resetTestClock();
	if (input.data.now) setTestNow(Date.parse(input.data.now));
	const reminders = input.data.sweep ? remindDueSteps(now()) : undefined;
	log.info({ now: new Date(now()).toISOString(), reminders }, 'test clock set');
	return json({ now: new Date(now()).toISOString(), reminders });
};

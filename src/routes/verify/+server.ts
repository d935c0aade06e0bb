/**
 * POST /verify (raw body: an exported DOCX or PDF, at most 50 MB): whether it is exactly a signed
 * version of this instance. Public, no login. Answers 200 with { ok, failure?, statement? } for any
 * file that could be read as an upload (a file that is not a DOCX or PDF is 400 with
 * failure `unreadable`); 413 over the cap; 429 when too many checks are already running.
 */
import { error, json } from '@sveltejs/kit';
import { CheckTimeoutError } from '#lib/server/export/offload.ts';
import { logger } from '#lib/server/log.ts';
import { verifyUpload } from '#lib/server/verify/service.ts';
import { readUpload } from '#lib/server/verify/upload.ts';
import type { RequestHandler } from './$types';

const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/**
 * Checks queued or running at once; more are refused rather than piling up megabytes in memory.
 * Per process on purpose: it bounds this process's memory and CPU, whatever other instances do.
 */
const MAX_IN_FLIGHT = 4;
let inFlight = 0;
const log = logger('verify');

export const POST: RequestHandler = async (event) => {
	if (inFlight >= MAX_IN_FLIGHT) error(429, { message: 'busy' });
	inFlight++;
	try {
		const bytes = await readUpload(event, MAX_UPLOAD_BYTES);
		const outcome = await verifyUpload(bytes);
		return json(outcome, { status: !outcome.ok && outcome.failure === 'unreadable' ? 400 : 200 });
	} catch (cause) {
		if ((cause as { status?: number }).status) throw cause;
		if (cause instanceof CheckTimeoutError) {
			log.warn('uploaded file took too long to read');
			error(400, { message: 'unreadable' });
		}
		log.error({ err: cause }, 'verification failed unexpectedly');
		error(400, { message: 'unreadable' });
	} finally {
		inFlight--;
	}
};

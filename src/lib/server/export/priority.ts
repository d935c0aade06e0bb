/**
 * The export worker thread runs below the event loop's scheduling priority, and so does every
 * Chromium it launches for a PDF: on Linux a nice value belongs to a thread, and a process inherits
 * the value of the thread that forked it. A PDF export keeps both cores busy for seconds (Chromium's
 * processes printing twice, pdf.js reading the first printing back); on a small server the
 * collaboration server's event loop must still get a core the moment it has work — measured in
 * bench/export.ts as the longest the event loop was held.
 *
 * The price: on a machine whose other work also runs at nice 0 (a shared CI host), an export gets
 * a smaller share of the CPU and takes longer — which is why the test servers set EXPORT_NICE=0
 * (tests/helpers/server.ts). Default 10, the kernel's usual level for background work.
 *
 * Runs in the export worker; relative imports only. Elsewhere than Linux it does nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { config } from '../config.ts';

/** This thread's id as the kernel knows it (`/proc/thread-self` is `<pid>/task/<tid>`). */
function threadId(): number | null {
	try {
		const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
		return Number.isSafeInteger(tid) && tid > 0 ? tid : null;
	} catch {
		return null;
	}
}

/**
 * Lowers the calling worker thread's priority to `nice` (never raises it); the main thread is left
 * alone — it is the event loop. Returns the nice value now in force, or null when not applied.
 */
export function lowerThreadPriority(nice = config.EXPORT_NICE): number | null {
	if (isMainThread) return null;
	const tid = threadId();
	if (tid === null || tid === process.pid) return null;
	try {
		const current = os.getPriority(tid);
		if (current < nice) os.setPriority(tid, nice);
		return os.getPriority(tid);
	} catch {
		return null;
	}
}

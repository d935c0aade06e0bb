/**
 * Which frames above the message cap a socket may send (size-limits.ts): only document updates
 * (sync step 2 or update, whose size the document cap then bounds), and no more than
 * LARGE_MESSAGE_BUDGET_BYTES of them a minute, so a writer cannot stream whole documents at the
 * server. Anything else that large is refused and the socket closed with `message-too-large`.
 */
import { contentBytes } from './extensions/limits.ts';
import { LARGE_MESSAGE_BUDGET_BYTES, MAX_MESSAGE_BYTES } from './limits.ts';

const WINDOW_MS = 60_000;

/** A per-socket gate: true when the frame may go on to Hocuspocus. */
export function largeFrameGate(budget = LARGE_MESSAGE_BUDGET_BYTES): (raw: Uint8Array) => boolean {
	let used = 0;
	let since = Date.now();
	return (raw) => {
		if (raw.byteLength <= MAX_MESSAGE_BYTES) return true;
		if (Date.now() - since > WINDOW_MS) {
			used = 0;
			since = Date.now();
		}
		used += raw.byteLength;
		return contentBytes(raw) > 0 && used <= budget;
	};
}

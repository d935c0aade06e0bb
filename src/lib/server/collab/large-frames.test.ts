import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { largeFrameGate } from './large-frames.ts';

/** A Hocuspocus frame: address, message type, sync type, payload. */
function frame(messageType: number, syncType: number, bytes: number): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, 'plan/1/section/8.4');
	encoding.writeVarUint(encoder, messageType);
	encoding.writeVarUint(encoder, syncType);
	encoding.writeVarUint8Array(encoder, new Uint8Array(bytes));
	return encoding.toUint8Array(encoder);
}

describe('frames above the message cap', () => {
	const MiB = 1024 * 1024;

	it('lets small frames and large document updates through, nothing else', () => {
		const admit = largeFrameGate();
		expect(admit(new Uint8Array(1000))).toBe(true);
		expect(admit(new Uint8Array(2 * MiB))).toBe(false);
		expect(admit(frame(0, 0, 2 * MiB))).toBe(false); // sync step 1 carries no content
		expect(admit(frame(1, 0, 2 * MiB))).toBe(false); // awareness
		expect(admit(frame(0, 1, 2 * MiB))).toBe(true); // sync step 2
		expect(admit(frame(4, 2, 2 * MiB))).toBe(true); // SyncReply update
	});

	it('stops a socket past its budget', () => {
		const admit = largeFrameGate(5 * MiB);
		expect(admit(frame(0, 2, 2 * MiB))).toBe(true);
		expect(admit(frame(0, 2, 2 * MiB))).toBe(true);
		expect(admit(frame(0, 2, 2 * MiB))).toBe(false);
	});
});

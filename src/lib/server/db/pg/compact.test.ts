import { describe, expect, it } from 'vitest';
import { compact } from './bridge.ts';

describe('compact (what crosses to the PostgreSQL thread)', () => {
	it('copies a view into a larger buffer to a buffer of its own, bytes unchanged', () => {
		const frame = new Uint8Array(8192);
		frame.set([7, 8, 9], 4000);
		const out = compact(Buffer.from(frame.buffer, 4000, 3)) as Uint8Array;
		expect([...out]).toEqual([7, 8, 9]);
		expect(out.buffer.byteLength).toBe(3);
	});

	it('leaves arrays that own their buffer, and every other value, as they are', () => {
		const own = new Uint8Array([1, 2]);
		expect(compact(own)).toBe(own);
		for (const value of ['text', 3, null, undefined]) expect(compact(value)).toBe(value);
	});
});

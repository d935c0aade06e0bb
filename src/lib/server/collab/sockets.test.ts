import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../collab/close-codes.ts';
import { SocketRegistry, type Closable } from './sockets.ts';

function fakeSocket() {
	const closed: number[] = [];
	const socket: Closable = { close: (code) => closed.push(code) };
	return { socket, closed };
}

describe('SocketRegistry', () => {
	it('reserves per user and per address, and frees a slot on release', () => {
		const registry = new SocketRegistry({ perUser: 2, perAddress: 3 });
		const owner = { userId: 1, sessionId: 's1', ip: '192.0.2.1' };
		const a = registry.reserve(owner);
		const b = registry.reserve(owner);
		expect(a.ok && b.ok).toBe(true);
		expect(registry.reserve(owner)).toEqual({ ok: false, over: 'user' });
		const other = registry.reserve({ userId: 2, sessionId: 's2', ip: '192.0.2.1' });
		expect(other.ok).toBe(true);
		expect(registry.reserve({ userId: 3, sessionId: 's3', ip: '192.0.2.1' })).toEqual({
			ok: false,
			over: 'address'
		});
		if (a.ok) {
			a.slot.release();
			a.slot.release(); // twice is once
		}
		expect(registry.reserve(owner).ok).toBe(true);
		expect(registry.reserve(owner).ok).toBe(false);
	});

	it('closes exactly the sockets of ended sessions, or all of a user but the kept session', () => {
		const registry = new SocketRegistry({ perUser: 10, perAddress: 10 });
		const open = (userId: number, sessionId: string) => {
			const reservation = registry.reserve({ userId, sessionId, ip: '192.0.2.1' });
			if (!reservation.ok) throw new Error('cap');
			const fake = fakeSocket();
			reservation.slot.bind(fake.socket, { used: false });
			return fake;
		};
		const a1 = open(1, 'a');
		const a2 = open(1, 'a');
		const b = open(1, 'b');
		const c = open(2, 'c');
		expect(registry.closeEnded({ sessionIds: ['a'] })).toBe(2);
		const code = CLOSE_CODES.sessionEnded.code;
		expect([a1.closed, a2.closed, b.closed, c.closed]).toEqual([[code], [code], [], []]);
		registry.closeEnded({ sessionIds: [], user: { id: 1, exceptSessionId: 'b' } });
		expect(b.closed).toEqual([]);
		registry.closeEnded({ sessionIds: [], user: { id: 1 } });
		expect(b.closed).toEqual([code]);
		expect(c.closed).toEqual([]);
	});
});

import { describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { createGroupCommit } from './group-commit.ts';
import type { DocumentStore, PendingUpdate } from './store.ts';

function fakeSocket() {
	const sent: unknown[] = [];
	const socket = { OPEN: 1, readyState: 1, send: (data: unknown) => sent.push(data) };
	return { socket: socket as unknown as WebSocket, sent };
}

function fakeStore(fail = false) {
	const committed: PendingUpdate[][] = [];
	const store: DocumentStore = {
		load: () => undefined,
		state: () => new Uint8Array([0, 0]),
		append: () => undefined,
		appendMany(updates) {
			if (fail) throw new Error('disk full');
			committed.push(updates);
		}
	};
	return { store, committed };
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
	it('sends at once while nothing awaits a commit', () => {
		const { store } = fakeStore();
		const log = createGroupCommit(store, () => undefined);
		const { socket, sent } = fakeSocket();
		log.send(socket, 'hello');
		expect(sent).toEqual(['hello']);
	});

	it('appends a turn’s updates in one transaction and holds messages until it committed', async () => {
		const { store, committed } = fakeStore();
		const log = createGroupCommit(store, () => undefined);
		const { socket, sent } = fakeSocket();
		log.append('doc/a', new Uint8Array([1]), 7);
		log.append('doc/b', new Uint8Array([2]), null);
		log.send(socket, 'ack');
		expect(sent).toEqual([]);
		expect(committed).toEqual([]);
		await nextTurn();
		expect(committed).toHaveLength(1);
		expect(committed[0].map((u) => [u.name, u.userId])).toEqual([
			['doc/a', 7],
			['doc/b', null]
		]);
		expect(sent).toEqual(['ack']);
	});

	it('commits at once when asked (before a close or a load)', () => {
		const { store, committed } = fakeStore();
		const log = createGroupCommit(store, () => undefined);
		const { socket, sent } = fakeSocket();
		log.append('doc/a', new Uint8Array([1]), 1);
		log.send(socket, 'ack');
		log.commit();
		expect(committed).toHaveLength(1);
		expect(sent).toEqual(['ack']);
	});

	it('drops held messages and reports the documents when the commit fails', async () => {
		const { store } = fakeStore(true);
		const onFailure = vi.fn();
		const log = createGroupCommit(store, onFailure);
		const { socket, sent } = fakeSocket();
		log.append('doc/a', new Uint8Array([1]), 1);
		log.send(socket, 'ack');
		await nextTurn();
		expect(sent).toEqual([]);
		expect(onFailure).toHaveBeenCalledWith(new Set(['doc/a']), expect.any(Error));
		log.send(socket, 'later');
		expect(sent).toEqual(['later']);
	});

	it('resolves whenCommitted at once when nothing is queued, after the commit otherwise, false when it failed', async () => {
		const { store } = fakeStore();
		const log = createGroupCommit(store, () => undefined);
		await expect(log.whenCommitted()).resolves.toBe(true);
		log.append('doc', new Uint8Array([1]), 1);
		let settled: boolean | undefined;
		void log.whenCommitted().then((v) => (settled = v));
		await Promise.resolve();
		expect(settled).toBeUndefined(); // still waiting for the end of the turn
		await nextTurn();
		expect(settled).toBe(true);

		const failing = createGroupCommit(fakeStore(true).store, () => undefined);
		failing.append('doc', new Uint8Array([1]), 1);
		const outcome = failing.whenCommitted();
		await nextTurn();
		await expect(outcome).resolves.toBe(false);
	});
});

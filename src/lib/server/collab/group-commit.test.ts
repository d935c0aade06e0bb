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

	describe('when the store appends without blocking (PostgreSQL)', () => {
		/** A store whose appends answer when the test says so, in the order they were sent. */
		function laterStore() {
			const sentBatches: { rows: PendingUpdate[]; answer: (error?: Error) => void }[] = [];
			const store: DocumentStore = {
				...fakeStore().store,
				appendMany: () => {
					throw new Error('the synchronous path must not be used');
				},
				appendLater(rows) {
					return new Promise<void>((resolve, reject) => {
						sentBatches.push({ rows, answer: (error) => (error ? reject(error) : resolve()) });
					});
				}
			};
			return { store, sentBatches };
		}
		const flushMicrotasks = () => new Promise((r) => setTimeout(r, 0));

		it('holds messages until the batch in flight answers, and sends the next turn’s batch behind it', async () => {
			const { store, sentBatches } = laterStore();
			const log = createGroupCommit(store, () => undefined);
			const { socket, sent } = fakeSocket();
			log.append('doc', new Uint8Array([1]), 1);
			log.send(socket, 'ack 1');
			await nextTurn();
			expect(sentBatches).toHaveLength(1);
			// While it is in flight: a message depends on it, and the next turn's updates go behind it.
			log.send(socket, 'broadcast 1');
			log.append('doc', new Uint8Array([2]), 1);
			log.append('doc', new Uint8Array([3]), 2);
			log.send(socket, 'ack 2');
			await nextTurn();
			expect(sentBatches).toHaveLength(2); // pipelined: not waiting for the first to answer
			expect(sentBatches[1].rows.map((r) => r.update[0])).toEqual([2, 3]);
			expect(sent).toEqual([]);
			sentBatches[0].answer();
			await flushMicrotasks();
			expect(sent).toEqual(['ack 1', 'broadcast 1']);
			sentBatches[1].answer();
			await flushMicrotasks();
			expect(sent).toEqual(['ack 1', 'broadcast 1', 'ack 2']);
			expect(log.stats()).toMatchObject({ commits: 2, updates: 3 });
		});

		it('releases batches in the order they were sent, whatever order they answer in', async () => {
			const { store, sentBatches } = laterStore();
			const log = createGroupCommit(store, () => undefined);
			const { socket, sent } = fakeSocket();
			log.append('doc', new Uint8Array([1]), 1);
			log.send(socket, 'first');
			log.commit();
			log.append('doc', new Uint8Array([2]), 1);
			log.send(socket, 'second');
			log.commit(); // before a load: sent at once, behind the one in flight
			expect(sentBatches).toHaveLength(2);
			sentBatches[1].answer();
			await flushMicrotasks();
			expect(sent).toEqual([]);
			sentBatches[0].answer();
			await flushMicrotasks();
			expect(sent).toEqual(['first', 'second']);
		});

		it('on a failed batch drops its messages but still closes the sockets asked to close', async () => {
			const { store, sentBatches } = laterStore();
			const onFailure = vi.fn();
			const log = createGroupCommit(store, onFailure);
			const { socket, sent } = fakeSocket();
			const closed: unknown[] = [];
			(socket as unknown as { close: (c?: number) => void }).close = (code) => closed.push(code);
			log.append('doc/a', new Uint8Array([1]), 1);
			log.send(socket, 'ack');
			log.close(socket, 4403, 'forbidden');
			const outcome = log.whenCommitted();
			log.commit();
			sentBatches[0].answer(new Error('connection lost'));
			await flushMicrotasks();
			expect(sent).toEqual([]);
			expect(closed).toEqual([4403]);
			expect(onFailure).toHaveBeenCalledWith(new Set(['doc/a']), expect.any(Error));
			await expect(outcome).resolves.toBe(false);
		});

		it('after a failed batch drops what the later batches held too, and reloads their documents', async () => {
			const { store, sentBatches } = laterStore();
			const onFailure = vi.fn();
			const log = createGroupCommit(store, onFailure);
			const { socket, sent } = fakeSocket();
			log.append('doc/a', new Uint8Array([1]), 1);
			log.commit();
			// Built on the update in flight: must not go out if that one is lost.
			log.append('doc/a', new Uint8Array([2]), 1);
			log.send(socket, 'broadcast of 2');
			log.commit();
			sentBatches[1].answer();
			sentBatches[0].answer(new Error('connection lost'));
			await flushMicrotasks();
			expect(sent).toEqual([]);
			expect(onFailure).toHaveBeenCalledTimes(2);
			expect(log.stats()).toMatchObject({ commits: 1 }); // stored, though not announced
			log.send(socket, 'later');
			expect(sent).toEqual(['later']);
		});

		it('flush waits for every batch in flight', async () => {
			const { store, sentBatches } = laterStore();
			const log = createGroupCommit(store, () => undefined);
			log.append('doc', new Uint8Array([1]), 1);
			log.commit();
			log.append('doc', new Uint8Array([2]), 1);
			let flushed: boolean | undefined;
			void log.flush().then((v) => (flushed = v));
			expect(sentBatches).toHaveLength(2);
			sentBatches[0].answer();
			await flushMicrotasks();
			expect(flushed).toBeUndefined();
			sentBatches[1].answer();
			await flushMicrotasks();
			expect(flushed).toBe(true);
		});
	});
});

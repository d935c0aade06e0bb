/**
 * Group commit of the update log. Appending each update in a transaction of its own costs a
 * commit per keystroke (WAL frames for the table and its index, locks); under load that commit is
 * most of what Lantu adds to a bare Hocuspocus. So the updates one turn of the event loop applies
 * are collected and appended together, in one transaction, at the end of that turn (setImmediate) —
 * and every message the server sends to any client meanwhile is held back until that transaction
 * has committed: the "saved" acknowledgement of those very updates above all, and their broadcast
 * to the other clients (which Hocuspocus itself sends from a setImmediate). Nothing leaves the
 * server that depends on an update not yet in SQLite, so the guarantee stays the one of
 * extensions/persistence.ts: acknowledged means stored. A SIGKILL before the commit loses only
 * updates nobody was told about; their authors still hold them and send them again on reconnect.
 *
 * If the commit fails, the held messages are dropped and `onFailure` learns which documents had
 * updates in it: their in-memory state holds changes the log does not, so the caller closes their
 * connections to have the documents reloaded from disk (clients then resend what is missing).
 */
import type { WebSocket } from 'ws';
import type { DocumentStore, PendingUpdate } from './store.ts';

type Payload = Parameters<WebSocket['send']>[0];

export interface GroupCommit {
	/** Queues an update for the commit at the end of this turn. */
	append(name: string, update: Uint8Array, userId: number | null): void;
	/** Sends now when nothing awaits a commit, else right after the commit. */
	send(socket: WebSocket, data: Payload): void;
	/** Commits whatever is queued now (before a load, a close, a shutdown). */
	commit(): void;
	/**
	 * Resolves once what is queued now is committed: at once (next microtask) when nothing is, true
	 * after the commit, false when it failed. For messages that leave the process other than by a
	 * socket (the Redis fan-out to other instances), which must wait for the commit just the same.
	 */
	whenCommitted(): Promise<boolean>;
	/** Counters since the last reset: commits, updates, and the longest commit (event loop held). */
	stats(reset?: boolean): GroupCommitStats;
}

export interface GroupCommitStats {
	commits: number;
	updates: number;
	maxCommitMs: number;
}

export function createGroupCommit(
	store: DocumentStore,
	onFailure: (documentNames: Set<string>, error: unknown) => void
): GroupCommit {
	let pending: PendingUpdate[] = [];
	let held: [WebSocket, Payload][] = [];
	let waiting: ((committed: boolean) => void)[] = [];
	let scheduled: NodeJS.Immediate | undefined;
	let counters: GroupCommitStats = { commits: 0, updates: 0, maxCommitMs: 0 };

	function commit() {
		if (scheduled) clearImmediate(scheduled);
		scheduled = undefined;
		if (pending.length === 0) return;
		const rows = pending;
		const messages = held;
		const waiters = waiting;
		pending = [];
		held = [];
		waiting = [];
		const started = performance.now();
		try {
			store.appendMany(rows);
		} catch (error) {
			for (const resolve of waiters) resolve(false);
			onFailure(new Set(rows.map((row) => row.name)), error);
			return;
		}
		counters.commits++;
		counters.updates += rows.length;
		counters.maxCommitMs = Math.max(counters.maxCommitMs, performance.now() - started);
		for (const [socket, data] of messages) {
			if (socket.readyState === socket.OPEN) socket.send(data);
		}
		for (const resolve of waiters) resolve(true);
	}

	return {
		append(name, update, userId) {
			pending.push({ name, update, userId, at: Date.now() });
			scheduled ??= setImmediate(commit);
		},
		send(socket, data) {
			if (pending.length === 0) socket.send(data);
			else held.push([socket, data]);
		},
		commit,
		whenCommitted() {
			if (pending.length === 0) return Promise.resolve(true);
			return new Promise((resolve) => waiting.push(resolve));
		},
		stats(reset) {
			const current = counters;
			if (reset) counters = { commits: 0, updates: 0, maxCommitMs: 0 };
			return { ...current };
		}
	};
}

/**
 * Group commit of the update log. Appending each update in a transaction of its own costs a
 * commit per keystroke (WAL frames for the table and its index, locks); under load that commit is
 * most of what Lantu adds to a bare Hocuspocus. So the updates one turn of the event loop applies
 * are collected and appended together, in one transaction, at the end of that turn (setImmediate) —
 * and every message the server sends to any client meanwhile is held back until that transaction
 * has committed: the "saved" acknowledgement of those very updates above all, and their broadcast
 * to the other clients (which Hocuspocus itself sends from a setImmediate). Nothing leaves the
 * server that depends on an update not yet stored, so the guarantee stays the one of
 * extensions/persistence.ts: acknowledged means stored. A SIGKILL before the commit loses only
 * updates nobody was told about; their authors still hold them and send them again on reconnect.
 *
 * On SQLite the commit is synchronous (microseconds of CPU, the disk is the OS's page cache). On
 * PostgreSQL it is a round trip, so the store appends without blocking the event loop
 * (`appendLater`): the batch is in flight while the server goes on applying other clients' updates,
 * and the next turn's batch is sent at once behind it (pipelined: waiting for the answer first cost
 * up to a second round trip and measured worse, bench/postgres.ts). Batches commit in the order they
 * were sent (one connection, answered in order), and a message held for a batch goes out when it
 * and every batch before it have committed. `commit()` sends what is queued at once; anything read
 * after it on the same connection (a load, the history) runs after those rows are written.
 *
 * If a commit fails, the messages held for it are dropped (a close still happens) and `onFailure`
 * learns which documents had updates in it: their in-memory state holds changes the log does not,
 * so the caller closes their connections to have the documents reloaded from the store (clients
 * then resend what is missing).
 */
import type { WebSocket } from 'ws';
import type { DocumentStore, PendingUpdate } from './store.ts';

type Payload = Parameters<WebSocket['send']>[0];

export interface GroupCommit {
	/** Queues an update for the commit at the end of this turn. */
	append(name: string, update: Uint8Array, userId: number | null): void;
	/** Sends now when nothing awaits a commit, else right after the commits it may depend on. */
	send(socket: WebSocket, data: Payload): void;
	/** Closes the socket after what was held for it has gone out (or at once if nothing was). */
	close(socket: WebSocket, code?: number, reason?: string): void;
	/**
	 * Sends what is queued now (before a load, a history read): on SQLite it is committed when this
	 * returns; on PostgreSQL it is on the connection ahead of any statement issued after.
	 */
	commit(): void;
	/**
	 * Resolves once what is queued or in flight now is committed: at once (next microtask) when
	 * nothing is, true after the commit, false when it failed. For messages that leave the process
	 * other than by a socket (the Redis fan-out to other instances), which must wait just the same.
	 */
	whenCommitted(): Promise<boolean>;
	/** Commits what is queued and waits for every commit in flight (a drain, a shutdown). */
	flush(): Promise<boolean>;
	/** Counters since the last reset: commits, updates, and the longest commit. */
	stats(reset?: boolean): GroupCommitStats;
}

export interface GroupCommitStats {
	commits: number;
	updates: number;
	/** The longest commit: the event loop held on SQLite, the round trip on PostgreSQL. */
	maxCommitMs: number;
}

/** What goes out once a batch has committed: a message, or a close requested after messages. */
type Held =
	| { socket: WebSocket; data: Payload }
	| { socket: WebSocket; close: { code?: number; reason?: string } };

interface Batch {
	rows: PendingUpdate[];
	held: Held[];
	waiters: ((committed: boolean) => void)[];
	/** Set once the store answered: committed or not. */
	outcome?: { ok: true } | { ok: false; error: unknown };
	/**
	 * Sent or gathered after a batch that failed: its messages may carry what that batch held
	 * (a broadcast built on a lost update), so they are dropped and its documents reloaded too.
	 */
	tainted?: { error: unknown };
	started: number;
}

const newBatch = (): Batch => ({ rows: [], held: [], waiters: [], started: 0 });

export function createGroupCommit(
	store: DocumentStore,
	onFailure: (documentNames: Set<string>, error: unknown) => void
): GroupCommit {
	/** The batch being gathered in this turn. */
	let open = newBatch();
	/** Batches sent and not yet released, oldest first (only ever non-empty on PostgreSQL). */
	const inFlight: Batch[] = [];
	let scheduled: NodeJS.Immediate | undefined;
	let counters: GroupCommitStats = { commits: 0, updates: 0, maxCommitMs: 0 };

	/** The batch a message sent now depends on: the one gathering, else the newest in flight. */
	function latest(): Batch | undefined {
		if (open.rows.length > 0) return open;
		return inFlight.at(-1);
	}

	function commit() {
		if (scheduled) clearImmediate(scheduled);
		scheduled = undefined;
		if (open.rows.length === 0) return;
		const batch = open;
		open = newBatch();
		batch.started = performance.now();
		inFlight.push(batch);
		let later: Promise<void> | undefined;
		try {
			later = store.appendLater?.(batch.rows);
			if (!later) store.appendMany(batch.rows);
		} catch (error) {
			settle(batch, { ok: false, error });
			return;
		}
		if (!later) settle(batch, { ok: true });
		else
			later.then(
				() => settle(batch, { ok: true }),
				(error: unknown) => settle(batch, { ok: false, error })
			);
	}

	/** Records a batch's outcome, then releases every batch at the head that has one, in order. */
	function settle(batch: Batch, outcome: NonNullable<Batch['outcome']>) {
		batch.outcome = outcome;
		while (inFlight[0]?.outcome) release(inFlight.shift()!);
	}

	function release(batch: Batch) {
		const outcome = batch.outcome!;
		const failure = !outcome.ok ? { error: outcome.error } : batch.tainted;
		const ok = failure === undefined;
		if (!outcome.ok) {
			for (const later of inFlight) later.tainted ??= failure;
			if (open.rows.length > 0) open.tainted ??= failure;
		}
		if (outcome.ok) {
			counters.commits++;
			counters.updates += batch.rows.length;
			counters.maxCommitMs = Math.max(counters.maxCommitMs, performance.now() - batch.started);
		}
		for (const item of batch.held) {
			if (item.socket.readyState !== item.socket.OPEN) continue;
			if ('close' in item) item.socket.close(item.close.code, item.close.reason);
			else if (ok) item.socket.send(item.data);
		}
		for (const resolve of batch.waiters) resolve(ok);
		if (failure) onFailure(new Set(batch.rows.map((row) => row.name)), failure.error);
	}

	function whenCommitted(): Promise<boolean> {
		const batch = latest();
		if (!batch) return Promise.resolve(true);
		return new Promise((resolve) => batch.waiters.push(resolve));
	}

	return {
		append(name, update, userId) {
			open.rows.push({ name, update, userId, at: Date.now() });
			scheduled ??= setImmediate(commit);
		},
		send(socket, data) {
			const batch = latest();
			if (batch) batch.held.push({ socket, data });
			else socket.send(data);
		},
		close(socket, code, reason) {
			const batch = latest();
			if (batch) batch.held.push({ socket, close: { code, reason } });
			else socket.close(code, reason);
		},
		commit,
		whenCommitted,
		flush() {
			commit();
			return whenCommitted();
		},
		stats(reset) {
			const current = counters;
			if (reset) counters = { commits: 0, updates: 0, maxCommitMs: 0 };
			return { ...current };
		}
	};
}

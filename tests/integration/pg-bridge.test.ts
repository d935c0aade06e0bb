/**
 * The synchronous PostgreSQL client (src/lib/server/db/pg/bridge.ts) against a real PostgreSQL: it
 * must answer as better-sqlite3 does (rows, blobs, 0/1, run results, transactions, error codes),
 * survive a connection that breaks, and hold the writer lock across instances. Runs in the
 * PostgreSQL pass of the integration tests (the SQLite pass has no server to talk to).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgSync, type PgSyncDatabase } from '../../src/lib/server/db/pg/bridge.ts';
import {
	createDatabase,
	databaseUrlOf,
	dropDatabase,
	postgresBinDir,
	psql
} from '../helpers/postgres.ts';
import { eventually } from '../helpers/collab.ts';
import { relayedUrl, startRelay } from '../helpers/relay.ts';
import { freePort, ON_SQLITE, PG_ADMIN_URL_ENV } from '../helpers/server.ts';

describe.runIf(!ON_SQLITE)('the synchronous PostgreSQL client', () => {
	const admin = process.env[PG_ADMIN_URL_ENV] ?? '';
	let name: string;
	let url: string;
	let db: PgSyncDatabase;

	beforeAll(async () => {
		name = await createDatabase(admin);
		url = databaseUrlOf(admin, name);
		await psql(
			url,
			`CREATE TABLE items (id bigserial PRIMARY KEY, label text UNIQUE, data bytea, n bigint);`
		);
		db = openPgSync(url, { idTables: new Set(['items']), lockTimeoutMs: 500 });
	});
	afterAll(async () => {
		db?.close();
		await dropDatabase(admin, name);
	});

	it('passes byte arrays both ways holding only their own bytes (a view is not sent with its whole buffer)', () => {
		// A Yjs update is a view into the WebSocket frame; node-postgres decodes bytea into slices of
		// a 64 KB buffer. Cloned as they are, each would carry its backing store across the thread.
		const frame = new Uint8Array(64 * 1024).fill(9);
		frame.set([1, 2, 3], 100);
		db.exec('CREATE TABLE blobs (data bytea)');
		try {
			db.prepare('INSERT INTO blobs (data) VALUES (?)').run(frame.subarray(100, 103));
			const rows = db.prepare<[], { data: Buffer }>('SELECT data FROM blobs').all();
			expect([...rows[0].data]).toEqual([1, 2, 3]);
			expect(rows[0].data.buffer.byteLength).toBe(3);
		} finally {
			db.exec('DROP TABLE blobs');
		}
	});

	it('answers as better-sqlite3: rows, blobs as Buffers, integers and truth as numbers', () => {
		const insert = db.prepare('INSERT INTO items (label, data, n) VALUES (?, ?, ?)');
		const first = insert.run('a?', Buffer.from([0, 1, 255]), 7);
		expect(first).toEqual({ changes: 1, lastInsertRowid: 1 });
		expect(insert.run('b', null, 2 ** 40).lastInsertRowid).toBe(2);
		const row = db
			.prepare<[string], { id: number; data: Buffer; n: number }>(
				"SELECT id, data, n FROM items WHERE label = ? AND '?' = '?'"
			)
			.get('a?');
		expect(row?.id).toBe(1);
		expect(Buffer.isBuffer(row?.data) && [...row!.data]).toEqual([0, 1, 255]);
		expect(
			db
				.prepare('SELECT count(*) AS c, sum(n) AS s, max(n) > 5 AS big FROM items WHERE id = 1')
				.get()
		).toEqual({ c: 1, s: 7, big: 1 });
		expect(db.prepare('SELECT id, label FROM items ORDER BY id').raw().all()).toEqual([
			[1, 'a?'],
			[2, 'b']
		]);
		expect(db.prepare('SELECT 1 FROM items WHERE id = ?').get(99)).toBeUndefined();
		expect(
			db.prepare('SELECT label FROM items WHERE n = @n OR id = @id').all({ n: 2 ** 40, id: 1 })
		).toHaveLength(2);
		expect(db.prepare('UPDATE items SET n = n + 1').run().changes).toBe(2);
	});

	it('commits a transaction whole, or nothing of it, and refuses one that awaits', () => {
		const insert = db.prepare('INSERT INTO items (label) VALUES (?)');
		const count = () => db.prepare<[], { c: number }>('SELECT count(*) AS c FROM items').get()!.c;
		const before = count();
		expect(() =>
			db.transaction(() => {
				insert.run('t1');
				throw new Error('boom');
			})()
		).toThrow('boom');
		expect(count()).toBe(before);
		db.transaction(() => {
			insert.run('t2');
			// A nested transaction that fails rolls back to its savepoint only.
			expect(() =>
				db.transaction(() => {
					insert.run('t3');
					insert.run('t2');
				})()
			).toThrow();
		})();
		expect(
			db.prepare('SELECT label FROM items WHERE label LIKE ? ORDER BY label').all('t%')
		).toEqual([{ label: 't2' }]);
		expect(() => db.transaction(async () => insert.run('t4'))()).toThrow(/promise/);
		expect(count()).toBe(before + 1);
		expect(db.inTransaction).toBe(false);
	});

	it('reports constraint failures under SQLite’s codes', () => {
		let error: unknown;
		try {
			db.prepare('INSERT INTO items (label) VALUES (?)').run('b');
		} catch (e) {
			error = e;
		}
		expect((error as { code?: string }).code).toBe('SQLITE_CONSTRAINT_UNIQUE');
	});

	it('reconnects after its connection is killed, and fails a transaction that lost it', async () => {
		const kill = () =>
			psql(
				admin,
				`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND application_name = 'bridge-test'`
			);
		const other = openPgSync(url, { applicationName: 'bridge-test' });
		try {
			expect(other.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
			await kill();
			// The first statement on the dead connection fails; the next one reconnects.
			let answered: unknown;
			for (let i = 0; i < 3 && answered === undefined; i++) {
				try {
					answered = other.prepare('SELECT 2 AS two').get();
				} catch {
					// the broken connection's statement
				}
			}
			expect(answered).toEqual({ two: 2 });
			expect(() =>
				other.transaction(() => {
					other.prepare('INSERT INTO items (label) VALUES (?)').run('lost');
					// Killed from another process while the transaction is open (psql runs in a child).
					execFileSync(path.join(postgresBinDir() ?? '/usr/bin', 'psql'), [
						admin,
						'-qAtc',
						`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND application_name = 'bridge-test'`
					]);
					// What follows in the transaction must not run on a new connection by itself.
					other.prepare('INSERT INTO items (label) VALUES (?)').run('after');
				})()
			).toThrow();
			expect(db.prepare('SELECT 1 FROM items WHERE label = ?').get('lost')).toBeUndefined();
			expect(db.prepare('SELECT 1 FROM items WHERE label = ?').get('after')).toBeUndefined();
			// And the next statement outside a transaction works again.
			expect(other.prepare('SELECT 4 AS four').get()).toEqual({ four: 4 });
		} finally {
			other.close();
		}
	});

	it('lets one instance’s transaction at a time hold the writer lock', () => {
		const second = openPgSync(url, { lockTimeoutMs: 300 });
		try {
			let busy: unknown;
			db.transaction(() => {
				try {
					second.transaction(() => second.prepare('SELECT 1').get())();
				} catch (error) {
					busy = error;
				}
			})();
			expect((busy as { code?: string }).code).toBe('SQLITE_BUSY');
			// Once the first commits, the second gets the lock.
			expect(second.transaction(() => second.prepare('SELECT 3 AS x').get())()).toEqual({ x: 3 });
		} finally {
			second.close();
		}
	});

	it('runs a statement sent without waiting before anything sent after it, and reports its failure', async () => {
		const sent = db.runAsync('INSERT INTO items (label, n) VALUES (?, ?)', ['async-1', 1]);
		// Issued after it, answered synchronously: it must already see the row.
		expect(db.prepare('SELECT n FROM items WHERE label = ?').get('async-1')).toEqual({ n: 1 });
		await expect(sent).resolves.toMatchObject({ changes: 1 });
		const duplicate = db.runAsync('INSERT INTO items (label) VALUES (?)', ['async-1']);
		await expect(duplicate).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
		// Several in flight keep their order.
		const many = [2, 3, 4].map((n) =>
			db.runAsync('UPDATE items SET n = ? WHERE label = ?', [n, 'async-1'])
		);
		await Promise.all(many);
		expect(db.prepare('SELECT n FROM items WHERE label = ?').get('async-1')).toEqual({ n: 4 });
	});

	it('fails fast when its thread dies, rejects what awaited it, and starts a new one', async () => {
		const other = openPgSync(url, { applicationName: 'bridge-thread' });
		try {
			expect(other.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
			const thread = (other as unknown as { thread: { worker: { terminate(): Promise<number> } } })
				.thread;
			const pending = other.runAsync('SELECT pg_sleep(0.5)', []);
			void thread.worker.terminate(); // a crash, as far as the main thread can tell
			// The main thread waits in Atomics.wait, where no 'exit' event can reach it: the
			// heartbeat must end the wait (long before the 60 s deadline and this test's timeout).
			expect(() => other.prepare('SELECT 2 AS two').get()).toThrow(/thread/);
			await expect(pending).rejects.toMatchObject({ code: '08006' });
			expect(other.prepare('SELECT 3 AS three').get()).toEqual({ three: 3 });
		} finally {
			other.close();
		}
	}, 20_000);

	it('while PostgreSQL is unreachable fails statements at once and reconnects by itself', async () => {
		// A port with nothing behind it, later a relay to the real server on the same port.
		const port = await freePort();
		const other = openPgSync(relayedUrl(url, port), { applicationName: 'bridge-unreachable' });
		let relay: Worker | undefined;
		try {
			expect(() => other.prepare('SELECT 1').get()).toThrow(); // refused
			// Now known unreachable: failed at once, without another connect attempt.
			expect(() => other.prepare('SELECT 1').get()).toThrow(/unreachable/);
			relay = await startRelay(port, url);
			await eventually(() => {
				expect(other.prepare('SELECT 5 AS five').get()).toEqual({ five: 5 });
			}, 10_000);
		} finally {
			other.close();
			await relay?.terminate();
		}
	}, 20_000);
});

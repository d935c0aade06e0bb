/**
 * The update log's order on PostgreSQL (drizzle-pg/0006_update_log_order.sql, docs/POSTGRES.md).
 * Log ids come from a sequence and instances append without the writer lock, so an append can take
 * id N, another take N+1 and commit first. The compactor must never record a snapshot watermark of
 * N+1 while N is still uncommitted: N, committed later below the watermark, would never be loaded
 * again — an acknowledged edit lost. The same holds for every reader that remembers the last id it
 * read ("who wrote this", the catch-up of several instances). Runs in the PostgreSQL pass only (SQLite has one writer, and its ids are
 * given in commit order).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, eventually } from '../helpers/collab.ts';
import { callApi, login } from '../helpers/http.ts';
import { ORDER_LOCK } from '../../src/lib/server/db/log-order.ts';
import { storedDocument } from '../helpers/stored.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';
import { ON_SQLITE, startServer, type TestServer } from '../helpers/server.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.runIf(!ON_SQLITE)('the update log on PostgreSQL', { timeout: 120_000 }, () => {
	let server: TestServer;
	let admin: string;
	let redis: TestRedis;
	const clients: pg.Client[] = [];

	beforeAll(async () => {
		// With Redis: an instance of several, which catches up with the store on every connect.
		redis = await startRedis();
		server = await startServer({ env: { REDIS_URL: redis.url } });
		admin = await login(server.url, 'admin');
	});
	afterAll(async () => {
		for (const client of clients) await client.end().catch(() => {});
		await server?.stop('SIGKILL');
		await redis?.stop();
	});

	async function client(): Promise<pg.Client> {
		const c = new pg.Client({ connectionString: server.databaseUrl });
		await c.connect();
		clients.push(c);
		return c;
	}

	/** Appends as store.ts does (no id: the sequence gives it); the new rows' ids. */
	async function append(c: pg.Client, name: string, ...updates: Uint8Array[]) {
		return appendAs(c, name, null, ...updates);
	}

	async function appendAs(
		c: pg.Client,
		name: string,
		userId: number | null,
		...updates: Uint8Array[]
	) {
		const tuples = updates.map((_, i) => `($1, $${3 * i + 3}, $2, $${3 * i + 4}, $${3 * i + 5})`);
		const values = updates.flatMap((u) => [Buffer.from(u), Date.now(), sha256(u)]);
		const { rows } = await c.query<{ id: string }>(
			`INSERT INTO document_updates (name, "update", user_id, at, hash) VALUES ${tuples.join(', ')} RETURNING id`,
			[name, userId, ...values]
		);
		return rows.map((r) => Number(r.id));
	}

	/** Sessions waiting for the order lock (the compactor, or an append behind it). */
	async function waitingForOrder(c: pg.Client): Promise<number> {
		const { rows } = await c.query<{ n: number }>(
			`SELECT count(*)::int AS n FROM pg_locks
			 WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid = $1 AND objsubid = 1`,
			[ORDER_LOCK]
		);
		return rows[0].n;
	}

	/** The section's snapshot watermark: the highest log id the compactor folded (0: none yet). */
	async function watermarkOf(c: pg.Client, name: string): Promise<number> {
		const { rows } = await c.query<{ id: string }>(
			'SELECT last_update_id AS id FROM document_snapshots WHERE name = $1',
			[name]
		);
		return Number(rows[0]?.id ?? 0);
	}

	/** Opens and closes the section: unloading it asks the compactor for a forced fold. */
	async function openAndClose(name: string) {
		const reader = connect(server.url, admin, name);
		await eventually(() => expect(reader.provider.isSynced).toBe(true), 10_000);
		reader.destroy();
	}

	/** The section's text as a fresh load (snapshot + the rows after its watermark) gives it. */
	async function loaded(name: string): Promise<string> {
		const reader = connect(server.url, admin, name);
		await eventually(() => expect(reader.provider.isSynced).toBe(true), 10_000);
		const text = reader.doc.getText('order-test').toString();
		reader.destroy();
		return text;
	}

	/** A change of the section's stored state made by a client of its own: independent of others. */
	function edit(base: Y.Doc, text: string): Uint8Array {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
		const vector = Y.encodeStateVector(doc);
		doc.getText('order-test').insert(0, text);
		return Y.encodeStateAsUpdate(doc, vector);
	}

	it('gives an INSERT its id only once it holds the order lock', async () => {
		const name = 'plan/1/section/7.3';
		const [holder, appender, other] = [await client(), await client(), await client()];
		const base = storedDocument(server, name);
		await holder.query(`BEGIN; SELECT pg_advisory_xact_lock(${ORDER_LOCK})`);
		// Waits in the statement-level BEFORE trigger, before any of its rows is evaluated.
		const appended = append(appender, name, edit(base, 'a'), edit(base, 'b'));
		const drawn = await (async () => {
			try {
				await eventually(async () => expect(await waitingForOrder(other)).toBe(1), 10_000);
				// An id handed out now, while the INSERT waits, is below the INSERT's: it has none.
				const { rows } = await other.query<{ id: string }>(
					`SELECT nextval('document_updates_id_seq') AS id`
				);
				return Number(rows[0].id);
			} finally {
				await holder.query('COMMIT');
			}
		})();
		const ids = await appended;
		expect(ids).toHaveLength(2);
		for (const id of ids) expect(id).toBeGreaterThan(drawn);
	});

	it('never folds an id past an append still in flight below it: the edit is loaded after compaction', async () => {
		const name = 'plan/1/section/7.4';
		const [held, committed, observer] = [await client(), await client(), await client()];
		const base = storedDocument(server, name);
		// Instance A takes id N and has not committed yet; instance B takes N+1 and commits.
		await held.query('BEGIN');
		const [early] = await append(held, name, edit(base, '先取号后提交'));
		const [late] = await append(committed, name, edit(base, '后取号先提交'));
		expect(late).toBeGreaterThan(early);

		await openAndClose(name);
		const watermark = () => watermarkOf(observer, name);
		// Either the compactor waits for A's commit, or (without the order lock) it already folded.
		await eventually(async () => {
			expect((await waitingForOrder(observer)) > 0 || (await watermark()) >= late).toBe(true);
		}, 20_000);
		await held.query('COMMIT');
		await eventually(async () => expect(await watermark()).toBeGreaterThanOrEqual(late), 20_000);

		// A fresh load holds both edits.
		const text = await loaded(name);
		expect(text).toContain('后取号先提交');
		expect(text).toContain('先取号后提交');
	});

	it('leaves a fold for later when an append stays in flight, writes nothing, and folds it next time', async () => {
		const name = 'plan/1/section/8.3';
		const [held, observer] = [await client(), await client()];
		const base = storedDocument(server, name);
		const before = await watermarkOf(observer, name);
		await held.query('BEGIN');
		const [early] = await append(held, name, edit(base, '久未提交的修改'));
		try {
			await openAndClose(name);
			// The compactor waited ORDER_WAIT_MS for the append, gave up and said so.
			await eventually(() => {
				const line = server
					.output()
					.split('\n')
					.find((l) => l.includes('compaction left for later') && l.includes(name));
				expect(line).toBeDefined();
			}, 30_000);
			expect(await watermarkOf(observer, name)).toBe(before);
		} finally {
			await held.query('COMMIT');
		}
		await openAndClose(name);
		await eventually(
			async () => expect(await watermarkOf(observer, name)).toBeGreaterThanOrEqual(early),
			20_000
		);
		expect(await loaded(name)).toContain('久未提交的修改');
	});

	it('credits "who wrote this" with an append that committed after a later id was read', async () => {
		const name = 'plan/1/section/9.1';
		const path = '/api/plans/1/sections/9.1/history/authors';
		const [held, committed, observer] = [await client(), await client(), await client()];
		const { rows } = await observer.query<{ id: string; username: string }>(
			`SELECT id, username FROM users WHERE username IN ('dsj', 'fgw')`
		);
		const idOf = (username: string) => Number(rows.find((r) => r.username === username)!.id);
		/** Five characters written by a client of its own (its id names the items). */
		const written = (clientID: number) => {
			const doc = new Y.Doc();
			doc.clientID = clientID;
			doc.getText('order-test').insert(0, '五个字符啊');
			return Y.encodeStateAsUpdate(doc);
		};
		const authors = async (client: number) => {
			const answer = await callApi(server.url, path, admin, {
				ranges: [{ client, clock: 0, length: 5 }]
			});
			return {
				status: answer.status,
				authors: ((answer.json.authors ?? []) as { userId: number; length: number }[]).map((a) => [
					a.userId,
					a.length
				])
			};
		};
		await held.query('BEGIN');
		await appendAs(held, name, idOf('dsj'), written(7_000_001));
		await appendAs(committed, name, idOf('fgw'), written(7_000_002));
		// The question reads the log while the earlier append is in flight: it waits for it, or
		// (without the order lock) answers at once and remembers the later id as read.
		let answered = false;
		const first = authors(7_000_002).finally(() => (answered = true));
		try {
			await eventually(async () => {
				expect(answered || (await waitingForOrder(observer)) > 0).toBe(true);
			}, 20_000);
		} finally {
			await held.query('COMMIT');
		}
		expect(await first).toEqual({ status: 200, authors: [[idOf('fgw'), 5]] });
		expect(await authors(7_000_001)).toEqual({ status: 200, authors: [[idOf('dsj'), 5]] });
	});

	it('shows a reader what another instance stored below a newer id it already took in (catch-up)', async () => {
		const name = 'plan/1/section/6.2';
		const [held, committed, observer] = [await client(), await client(), await client()];
		const base = storedDocument(server, name);
		// The section stays open here while two other instances store edits and die before passing
		// them on over Redis: one draws id N and commits late, the other draws N+1 and commits.
		const watcher = connect(server.url, admin, name);
		await eventually(() => expect(watcher.provider.isSynced).toBe(true), 10_000);
		await held.query('BEGIN');
		await append(held, name, edit(base, '晚提交的确认修改'));
		await append(committed, name, edit(base, '早提交的确认修改'));
		// A reader arrives: the live document takes in what the store holds, while N is in flight.
		const first = connect(server.url, admin, name);
		try {
			await eventually(async () => {
				expect(first.provider.isSynced || (await waitingForOrder(observer)) > 0).toBe(true);
			}, 20_000);
		} finally {
			await held.query('COMMIT');
		}
		await eventually(() => expect(first.provider.isSynced).toBe(true), 10_000);
		first.destroy();
		// The next reader sees both acknowledged edits.
		const next = connect(server.url, admin, name);
		await eventually(() => expect(next.provider.isSynced).toBe(true), 10_000);
		await eventually(() => {
			const text = next.doc.getText('order-test').toString();
			expect(text).toContain('早提交的确认修改');
			expect(text).toContain('晚提交的确认修改');
		}, 5_000);
		next.destroy();
		watcher.destroy();
	});
});

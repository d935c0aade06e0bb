import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCompactor, type Compactor } from './compactor.ts';
import { ORDER_LOCK } from '../db/log-order.ts';

/** The three tables the compactor touches, as the migrations make them. */
function database(): { path: string; db: Database.Database } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-compactor-'));
	const file = path.join(dir, 'lantu.db');
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.exec(`
		CREATE TABLE document_updates (id integer PRIMARY KEY AUTOINCREMENT, name text NOT NULL, "update" blob NOT NULL, user_id integer, at integer NOT NULL, hash text);
		CREATE TABLE document_snapshots (name text PRIMARY KEY, state blob NOT NULL, last_update_id integer NOT NULL, updated_at integer NOT NULL, hash text);
		CREATE TABLE compaction_leases (name text PRIMARY KEY, holder text NOT NULL, expires_at integer NOT NULL);
	`);
	return { path: file, db };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function until(check: () => boolean, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 25));
	}
}

let compactor: Compactor | undefined;
afterEach(async () => {
	await compactor?.stop();
});

describe('compaction lease', () => {
	it('leaves a section another instance holds the lease of, folds it once the lease expired, and lets go', async () => {
		const { path: file, db } = database();
		const doc = new Y.Doc();
		doc.on('update', (update: Uint8Array) =>
			db
				.prepare(
					'INSERT INTO document_updates (name, "update", user_id, at) VALUES (?, ?, NULL, ?)'
				)
				.run('doc', Buffer.from(update), Date.now())
		);
		doc.getText('t').insert(0, '一');
		doc.getText('t').insert(1, '二');
		db.prepare('INSERT INTO compaction_leases VALUES (?, ?, ?)').run(
			'doc',
			'another-instance',
			Date.now() + 60_000
		);
		let started = 0;
		const lines: string[] = [];
		const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
		compactor = createCompactor({ path: file }, log, undefined, () => started++, 'me');
		expect(started).toBe(0); // the worker starts with the first compaction, not before
		compactor.request('doc', true);
		await until(() => started === 1);
		// Held elsewhere: the worker says so, writes nothing and leaves the other holder's lease.
		await until(() => lines.some((line) => line.includes('compaction held elsewhere')));
		const snapshot = () =>
			db.prepare('SELECT state FROM document_snapshots WHERE name = ?').get('doc');
		expect(snapshot()).toBeUndefined();
		expect(db.prepare('SELECT holder FROM compaction_leases').get()).toEqual({
			holder: 'another-instance'
		});

		db.prepare('UPDATE compaction_leases SET expires_at = ?').run(Date.now() - 1);
		compactor.request('doc', true);
		await until(() => snapshot() !== undefined);
		const folded = new Y.Doc();
		Y.applyUpdate(folded, (snapshot() as { state: Buffer }).state);
		expect(folded.getText('t').toString()).toBe('一二');
		// The lease was taken over and given back.
		const leases = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM compaction_leases');
		await until(() => leases.get()?.n === 0);
		db.close();
	});
});

describe('when to fold', () => {
	it('leaves a short log of a live section for later, folds it on unload, and refuses a corrupt row', async () => {
		const { path: file, db } = database();
		const doc = new Y.Doc();
		const insert = db.prepare(
			'INSERT INTO document_updates (name, "update", user_id, at, hash) VALUES (?, ?, NULL, ?, ?)'
		);
		doc.on('update', (update: Uint8Array) =>
			insert.run('doc', Buffer.from(update), Date.now(), sha256(update))
		);
		doc.getText('t').insert(0, '三行');
		doc.getText('t').insert(2, '之短');
		const lines: string[] = [];
		const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
		const reports: unknown[] = [];
		compactor = createCompactor({ path: file }, log, (r) => reports.push(r), undefined, 'me');
		const snapshot = () =>
			db
				.prepare<[string], { state: Buffer; last_update_id: number }>(
					'SELECT state, last_update_id FROM document_snapshots WHERE name = ?'
				)
				.get('doc');
		// A live section's short log is not worth a fold (COMPACT_MIN_ROWS, COMPACT_MIN_BYTES).
		compactor.request('doc');
		await until(() => lines.some((line) => line.includes('"folded":0')));
		expect(snapshot()).toBeUndefined();
		// On unload it is folded whatever its length.
		compactor.request('doc', true);
		await until(() => snapshot() !== undefined);
		const folded = new Y.Doc();
		Y.applyUpdate(folded, snapshot()!.state);
		expect(folded.getText('t').toString()).toBe('三行之短');
		const watermark = snapshot()!.last_update_id;
		// A row past the snapshot that fails its checksum: reported, nothing folded over it.
		doc.getText('t').insert(0, '坏');
		db.prepare(
			"UPDATE document_updates SET hash = 'bad' WHERE id = (SELECT max(id) FROM document_updates)"
		).run();
		compactor.request('doc', true);
		await until(() => reports.length === 1);
		expect(reports[0]).toMatchObject({
			documentName: 'doc',
			table: 'document_updates',
			outcome: 'refused'
		});
		expect(snapshot()!.last_update_id).toBe(watermark);
		db.close();
	});
});

describe('the update log order lock on PostgreSQL', () => {
	it("is the key the log's INSERT trigger takes (drizzle-pg/0006)", () => {
		const migration = fs.readFileSync(
			path.join(import.meta.dirname, '../../../../drizzle-pg/0006_update_log_order.sql'),
			'utf8'
		);
		expect(migration).toContain(`pg_advisory_xact_lock_shared(${ORDER_LOCK})`);
		expect(migration).toMatch(/BEFORE INSERT ON "document_updates"\s+FOR EACH STATEMENT/);
	});
});

/**
 * Issue 11, items 7–9 through the real server: poisoned block rows refused where they enter and
 * tolerated where they were already stored; checksummed snapshots and log rows; edits larger than
 * the message cap delivered (or refused with a reason the client can map), never stuck.
 */
import { strFromU8, unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendRows, blockRows, createRow } from '../../src/lib/collab/section-doc.ts';
import { BLOCKS } from '../../src/lib/templates/blocks/index.ts';
import { closeReasons, connect, eventually, type TestProvider } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { openTestDb } from '../helpers/db.ts';

let server: TestServer;
let dsj: string;
let admin: string;

beforeAll(async () => {
	server = await startServer();
	dsj = await login(server.url, 'dsj'); // dsj writes 8.3
	admin = await login(server.url, 'admin');
});
afterAll(async () => {
	await server?.stop('SIGKILL');
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function get(path: string, cookie: string) {
	return fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
}

function sql<T>(query: string, ...params: unknown[]): T[] {
	const db = openTestDb(server, { readonly: true });
	try {
		return db.prepare(query).all(...params) as T[];
	} finally {
		db.close();
	}
}

async function synced(cookie: string, name: string): Promise<TestProvider> {
	const client = connect(server.url, cookie, name);
	await eventually(() => expect(client.provider.isSynced).toBe(true), 10_000);
	return client;
}

/** Logs in again after a restart (sessions survive, but a fresh cookie keeps tests independent). */
async function restart() {
	await server.stop();
	await server.restart();
	dsj = await login(server.url, 'dsj');
	admin = await login(server.url, 'admin');
}

describe('poisoned block rows (item 7)', { timeout: 120_000 }, () => {
	const DOC = 'plan/1/section/8.3';
	const logRows = () =>
		sql<{ n: number }>('SELECT count(*) AS n FROM document_updates WHERE name = ?', DOC)[0].n;

	it('refuses a Y.Text, a number, a nested array or a bad field as a row: not stored, not broadcast', async () => {
		const watcher = await synced(dsj, DOC);
		const before = blockRows(watcher.doc, 'systems').toJSON();
		expect(before.length).toBeGreaterThan(0);
		const poisons: ((doc: Y.Doc) => void)[] = [
			(d) => blockRows(d, 'systems').push([new Y.Text('毒') as never]),
			(d) => blockRows(d, 'systems').push([42 as never]),
			(d) => blockRows(d, 'systems').insert(0, [new Y.Array() as never]),
			(d) => blockRows(d, 'systems').get(0).set('mode', { evil: true }),
			(d) => blockRows(d, 'systems').get(0).set('undeclared', 'x'),
			// Control characters, in a cell's text or the prose: they made the DOCX unreadable.
			(d) => (blockRows(d, 'systems').get(0).get('name') as Y.Text).insert(0, '铃\u0007'),
			(d) => d.getXmlFragment('body').insert(0, [new Y.XmlText('空\u0000')])
		];
		for (const poison of poisons) {
			const stored = logRows();
			const attacker = await synced(dsj, DOC);
			const reasons = closeReasons(attacker);
			poison(attacker.doc);
			await eventually(() => expect(reasons).toContain('invalidBlockData'), 10_000);
			attacker.destroy();
			expect(logRows()).toBe(stored);
		}
		// The watcher saw none of it, and a fresh reader finds the rows as they were.
		expect(blockRows(watcher.doc, 'systems').toJSON()).toEqual(before);
		watcher.destroy();
		const reader = await synced(dsj, DOC);
		expect(blockRows(reader.doc, 'systems').toJSON()).toEqual(before);
		reader.destroy();
		expect(server.output()).toContain('update refused: malformed block data');
		// Audited once for these refusals of one user on one section (each one is logged).
		expect(
			sql<{ n: number }>(
				"SELECT count(*) AS n FROM audit_log WHERE action = 'document.update_refused' AND target = ?",
				DOC
			)[0].n
		).toBe(1);
		// A well-formed edit on the same connection path is still stored.
		const writer = await synced(dsj, DOC);
		appendRows(writer.doc, 'systems', [{ name: '完好的新系统', mode: 'new' }]);
		await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), 10_000);
		writer.destroy();
		const again = await synced(dsj, DOC);
		expect(JSON.stringify(blockRows(again.doc, 'systems').toJSON())).toContain('完好的新系统');
		again.destroy();
	});

	it('serves the section, the dashboard and every export when a bad row is already stored', async () => {
		// The stored state, then a poisoned update written straight into the log in the store's
		// format (with its checksum), as an older server or a restored backup could have left it.
		const reader = await synced(dsj, DOC);
		const local = new Y.Doc();
		Y.applyUpdate(local, Y.encodeStateAsUpdate(reader.doc));
		reader.destroy();
		const good = blockRows(local, 'systems').length;
		const vector = Y.encodeStateVector(local);
		blockRows(local, 'systems').insert(1, [new Y.Text('毒') as never]);
		blockRows(local, 'systems').push([createRow(BLOCKS.systems, { name: '毒后之行' })]);
		(blockRows(local, 'systems').get(0).get('name') as Y.Text).insert(0, '铃\u0007\u000b');
		const poison = Y.encodeStateAsUpdate(local, vector);
		await server.stop();
		const db = openTestDb(server);
		db.prepare(
			'INSERT INTO document_updates (name, "update", user_id, at, hash) VALUES (?, ?, NULL, ?, ?)'
		).run(DOC, Buffer.from(poison), Date.now(), sha256(poison));
		db.close();
		await server.restart();
		dsj = await login(server.url, 'dsj');

		expect((await get('/plans/1/sections/8.3', dsj)).status).toBe(200);
		expect((await get('/plans/1/dashboard', dsj)).status).toBe(200);
		expect((await get('/plans/1', dsj)).status).toBe(200);
		const md = await get('/plans/1/export/md', dsj);
		expect(md.status).toBe(200);
		const mdText = await md.text();
		expect(mdText).toContain('第2行数据无法读取');
		expect(mdText).toContain('毒后之行');
		const print = await get('/plans/1/export/print?edition=full', dsj);
		expect(print.status).toBe(200);
		expect(await print.text()).toContain('第2行数据无法读取');
		const json = await get('/plans/1/export/json', dsj);
		expect(json.status).toBe(200);
		const data = (await json.json()) as {
			sections: { clause: string; blocks: Record<string, unknown[]>; badRows?: unknown }[];
		};
		const s83 = data.sections.find((s) => s.clause === '8.3')!;
		expect(s83.badRows).toEqual({ systems: [2] });
		expect(s83.blocks.systems.length).toBe(good + 1);
		const docx = await get('/plans/1/export/docx?edition=full', dsj);
		expect(docx.status).toBe(200);
		const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']);
		expect(xml).toContain('第2行数据无法读取');
		// Printed without the control characters (XML 1.0 forbids them: Word would not open it).
		// eslint-disable-next-line no-control-regex -- looking for control characters
		const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
		expect(xml).toContain('铃');
		expect(xml).not.toMatch(controls);
		expect(mdText).not.toMatch(controls);

		// The live document still opens and takes well-formed edits.
		const writer = await synced(dsj, DOC);
		appendRows(writer.doc, 'systems', [{ name: '之后的系统' }]);
		await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), 10_000);
		writer.destroy();
	});
});

describe('checksummed stored state (item 8)', { timeout: 120_000 }, () => {
	const DOC = 'plan/1/section/7.4';
	const MARK = 'CHECKSUM-MARK-ABCDEFGH';
	const FLIPPED = 'CHECKSUM-MARK-ABCDEFGX';

	function replaceAscii(bytes: Buffer, from: string, to: string): Buffer {
		const at = bytes.indexOf(Buffer.from(from));
		expect(at).toBeGreaterThanOrEqual(0);
		const out = Buffer.from(bytes);
		out.write(to, at, 'latin1');
		return out;
	}

	it('rebuilds a snapshot whose bytes changed from the log, reports it, and never compacts it', async () => {
		const writer = await synced(admin, DOC);
		writer.doc.getText('mark').insert(0, MARK);
		await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), 10_000);
		writer.destroy();
		// Unloading folds the log into a snapshot (the compactor, on its worker thread).
		await eventually(() => {
			const [snap] = sql<{ state: Buffer }>(
				'SELECT state FROM document_snapshots WHERE name = ?',
				DOC
			);
			expect(snap?.state.includes(Buffer.from(MARK))).toBe(true);
		}, 15_000);
		await server.stop();
		const db = openTestDb(server);
		const { state, hash } = db
			.prepare('SELECT state, hash FROM document_snapshots WHERE name = ?')
			.get(DOC) as { state: Buffer; hash: string };
		expect(hash).toBe(sha256(state));
		const flipped = replaceAscii(state, MARK, FLIPPED);
		const decoded = new Y.Doc();
		Y.applyUpdate(decoded, flipped); // still decodes: only the checksum can tell
		expect(decoded.getText('mark').toString()).toBe(FLIPPED);
		db.prepare('UPDATE document_snapshots SET state = ? WHERE name = ?').run(flipped, DOC);
		db.close();
		await restart();

		const reader = await synced(admin, DOC);
		expect(reader.doc.getText('mark').toString()).toBe(MARK);
		reader.destroy();
		expect(server.output()).toContain('stored document state fails its checksum');
		const audit = sql<{ details: string }>(
			"SELECT details FROM audit_log WHERE action = 'document.integrity_failed' AND target = ?",
			DOC
		);
		expect(audit.length).toBeGreaterThan(0);
		expect(audit[0].details).toContain('rebuilt');
		// The compactor replaced it with a snapshot replayed from the log, never from the bad one.
		await eventually(() => {
			const [snap] = sql<{ state: Buffer; hash: string }>(
				'SELECT state, hash FROM document_snapshots WHERE name = ?',
				DOC
			);
			expect(snap.hash).toBe(sha256(snap.state));
			expect(snap.state.includes(Buffer.from(FLIPPED))).toBe(false);
			expect(snap.state.includes(Buffer.from(MARK))).toBe(true);
		}, 15_000);
		const fresh = await synced(admin, DOC);
		expect(fresh.doc.getText('mark').toString()).toBe(MARK);
		fresh.destroy();
	});

	it('refuses a document whose log row past the snapshot changed, and leaves it as it is', async () => {
		const name = 'plan/1/section/7.3';
		const writer = await synced(admin, name);
		writer.doc.getText('mark').insert(0, MARK);
		await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), 10_000);
		// Kill before the unload's compaction, so the row lies past any snapshot.
		await server.stop('SIGKILL');
		writer.destroy();
		const db = openTestDb(server);
		const rows = db
			.prepare('SELECT id, "update" FROM document_updates WHERE name = ? ORDER BY id')
			.all(name) as { id: number; update: Buffer }[];
		const row = rows.find((r) => r.update.includes(Buffer.from(MARK)))!;
		const snap = db
			.prepare('SELECT last_update_id FROM document_snapshots WHERE name = ?')
			.get(name) as { last_update_id: number } | undefined;
		expect(row.id).toBeGreaterThan(snap?.last_update_id ?? 0);
		const flipped = replaceAscii(row.update, MARK, FLIPPED);
		db.prepare('UPDATE document_updates SET "update" = ? WHERE id = ?').run(flipped, row.id);
		db.close();
		await server.restart();
		admin = await login(server.url, 'admin');
		dsj = await login(server.url, 'dsj');

		let reason = '';
		const reader = connect(server.url, admin, name, {
			onAuthenticationFailed: (r) => (reason = r)
		});
		try {
			await eventually(() => expect(reason).toBe('document-load-failed'), 10_000);
			expect(reader.doc.getText('mark').toString()).toBe('');
		} finally {
			reader.destroy();
		}
		expect(server.output()).toContain('stored document state fails its checksum');
		const [after] = sql<{ update: Buffer }>(
			'SELECT "update" FROM document_updates WHERE id = ?',
			row.id
		);
		expect(after.update.equals(flipped)).toBe(true);
		// Not served empty, and not compacted into a snapshot either.
		const snapshots = sql<{ state: Buffer }>(
			'SELECT state FROM document_snapshots WHERE name = ?',
			name
		);
		for (const s of snapshots) expect(s.state.includes(Buffer.from(FLIPPED))).toBe(false);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});
});

describe('no edit stuck (item 9)', { timeout: 120_000 }, () => {
	/** Lines of Chinese text, about `bytes` long in UTF-8. */
	function text(bytes: number, tag: string): string {
		const line = `${tag}：城市数字化转型规划的一段较长的正文，用来把粘贴撑大。\n`;
		return line.repeat(Math.ceil(bytes / Buffer.byteLength(line)));
	}

	/** Drops the socket and waits until the provider knows (a reconnect before that is lost). */
	async function offline(client: TestProvider) {
		client.socket.disconnect();
		await eventually(() => expect(client.socket.status).toBe('disconnected'), 10_000);
	}

	it('stores an offline session past the message cap on reconnect, and later edits too', async () => {
		const DOC = 'plan/1/section/8.4';
		const client = connect(server.url, dsj, DOC, { reconnect: true });
		await eventually(() => expect(client.provider.isSynced).toBe(true), 10_000);
		await offline(client);
		const edits = text(2 * 1024 * 1024, '离线');
		client.doc.getText('offline').insert(0, edits);
		expect(Y.encodeStateAsUpdate(client.doc).byteLength).toBeGreaterThan(1.5 * 1024 * 1024);
		void client.socket.connect();
		await eventually(() => {
			expect(client.provider.isSynced).toBe(true);
			expect(client.provider.hasUnsyncedChanges).toBe(false);
		}, 90_000);
		client.doc.getText('later').insert(0, '之后的修改');
		await eventually(() => expect(client.provider.hasUnsyncedChanges).toBe(false), 10_000);
		client.destroy();

		const reader = await synced(dsj, DOC);
		expect(reader.doc.getText('offline').toString()).toBe(edits);
		expect(reader.doc.getText('later').toString()).toBe('之后的修改');
		reader.destroy();
	});

	it('delivers one 5 MB update to the others', async () => {
		const DOC = 'plan/1/section/8.2';
		const other = await synced(admin, DOC);
		const writer = await synced(dsj, DOC);
		const pasted = text(5 * 1024 * 1024, '粘贴');
		writer.doc.getText('paste').insert(0, pasted);
		await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), 90_000);
		await eventually(() => expect(other.doc.getText('paste').length).toBe(pasted.length), 90_000);
		writer.destroy();
		other.destroy();
	});

	it('refuses an offline session above the document cap with a reason the client maps', async () => {
		const DOC = 'plan/1/section/8.6';
		const client = connect(server.url, dsj, DOC, { reconnect: true });
		await eventually(() => expect(client.provider.isSynced).toBe(true), 10_000);
		const reasons = closeReasons(client);
		// 2 MiB stored first, then 9 MiB offline: one sync message under the frame cap whose
		// content would take the section past the document cap.
		client.doc.getText('first').insert(0, text(2 * 1024 * 1024, '先存'));
		await eventually(() => expect(client.provider.hasUnsyncedChanges).toBe(false), 90_000);
		await offline(client);
		client.doc.getText('huge').insert(0, text(9 * 1024 * 1024, '超大'));
		void client.socket.connect();
		await eventually(() => expect(reasons).toContain('documentTooLarge'), 90_000);
		client.destroy();
		const reader = await synced(dsj, DOC);
		expect(reader.doc.getText('huge').length).toBe(0);
		expect(reader.doc.getText('first').length).toBeGreaterThan(0);
		reader.destroy();
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});
});

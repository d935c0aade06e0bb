import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '../db/index.ts';
import { sha256Hex } from './integrity.ts';
import { createDocumentStore, type IntegrityReport } from './store.ts';

function textUpdate(content: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, content);
	return Y.encodeStateAsUpdate(doc);
}

describe('checksummed document store', () => {
	const db = getDb();
	const reports: IntegrityReport[] = [];
	const store = createDocumentStore(db, (r) => reports.push(r));
	const read = (name: string) => {
		const doc = new Y.Doc();
		store.load(name, doc);
		return doc.getText('t').toString();
	};

	it('writes a hash with every row and reads them back', () => {
		store.append('store-test/a', textUpdate('甲'), null);
		const row = db.$client
			.prepare<[string], { update: Buffer; hash: string }>(
				'SELECT "update", hash FROM document_updates WHERE name = ?'
			)
			.get('store-test/a')!;
		expect(row.hash).toBe(sha256Hex(row.update));
		expect(read('store-test/a')).toBe('甲');
	});

	it('refuses a bad snapshot the log cannot rebuild, rather than serving it empty', () => {
		const state = Buffer.from(textUpdate('乙'));
		db.$client
			.prepare(
				'INSERT INTO document_snapshots (name, state, last_update_id, updated_at, hash) VALUES (?, ?, 0, ?, ?)'
			)
			.run('store-test/b', state, Date.now(), sha256Hex(new Uint8Array([1])));
		expect(() => read('store-test/b')).toThrow(/checksum/);
		expect(reports.at(-1)).toMatchObject({ documentName: 'store-test/b', outcome: 'refused' });
	});

	it('accepts a row from before the checksums once and writes its hash', () => {
		const update = Buffer.from(textUpdate('丙'));
		db.$client
			.prepare('INSERT INTO document_updates (name, "update", user_id, at) VALUES (?, ?, NULL, ?)')
			.run('store-test/c', update, Date.now());
		expect(read('store-test/c')).toBe('丙');
		const { hash } = db.$client
			.prepare<[string], { hash: string }>('SELECT hash FROM document_updates WHERE name = ?')
			.get('store-test/c')!;
		expect(hash).toBe(sha256Hex(update));
	});
});

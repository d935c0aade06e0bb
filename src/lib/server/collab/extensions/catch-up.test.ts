import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { missesDependencies } from './catch-up.ts';

/** The updates a client's edits produce, one per edit. */
function edits(doc: Y.Doc, ...steps: ((doc: Y.Doc) => void)[]): Uint8Array[] {
	const updates: Uint8Array[] = [];
	const record = (update: Uint8Array) => updates.push(update);
	doc.on('update', record);
	for (const step of steps) step(doc);
	doc.off('update', record);
	return updates;
}

describe('missesDependencies', () => {
	it('is false for an update the document can integrate at once', () => {
		const client = new Y.Doc();
		const server = new Y.Doc();
		const [first, second] = edits(
			client,
			(d) => d.getText('t').insert(0, '甲'),
			(d) => d.getText('t').insert(1, '乙')
		);
		expect(missesDependencies(server, first)).toBe(false);
		Y.applyUpdate(server, first);
		expect(missesDependencies(server, second)).toBe(false);
	});

	it('is true when the update continues a client clock the document has not reached', () => {
		const client = new Y.Doc();
		const server = new Y.Doc();
		const [, second] = edits(
			client,
			(d) => d.getText('t').insert(0, '甲'),
			(d) => d.getText('t').insert(1, '乙')
		);
		expect(missesDependencies(server, second)).toBe(true);
	});

	it('is true when an item is placed next to another client’s item the document lacks', () => {
		const author = new Y.Doc();
		const [stored] = edits(author, (d) => d.getText('t').insert(0, '已保存'));
		const follower = new Y.Doc();
		Y.applyUpdate(follower, stored);
		const [next] = edits(follower, (d) => d.getText('t').insert(3, '续写'));
		const lagging = new Y.Doc(); // an instance that never received `stored`
		expect(missesDependencies(lagging, next)).toBe(true);
		Y.applyUpdate(lagging, stored);
		expect(missesDependencies(lagging, next)).toBe(false);
	});

	it('is true for an item inside a map row the document lacks', () => {
		const author = new Y.Doc();
		const [row] = edits(author, (d) => d.getArray('block:x').push([new Y.Map()]));
		const editor = new Y.Doc();
		Y.applyUpdate(editor, row);
		const [cell] = edits(editor, (d) =>
			(d.getArray('block:x').get(0) as Y.Map<unknown>).set('name', '数据')
		);
		expect(missesDependencies(new Y.Doc(), cell)).toBe(true);
	});

	it('is false for bytes that are not an update (applying them fails on its own)', () => {
		expect(missesDependencies(new Y.Doc(), new Uint8Array([0xff, 0x13, 0x00]))).toBe(false);
	});
});

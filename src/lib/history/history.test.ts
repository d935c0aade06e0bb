import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText } from '../collab/section-doc.ts';
import { AttributionIndex } from './attribution.ts';
import { diffText } from './diff.ts';
import { revertUpdate } from './restore.ts';
import { diffParts, sectionParts } from './section-text.ts';
import { itemsInRange } from './selection.ts';
import { buildVersions, type LogEntry } from './versions.ts';

const MIN = 60_000;

/** A doc whose updates are recorded like the server's log: (update, user). */
function recordingDoc() {
	const doc = new Y.Doc();
	const log: { update: Uint8Array; userId: number }[] = [];
	let user = 0;
	doc.on('update', (update: Uint8Array) => log.push({ update, userId: user }));
	return {
		doc,
		log,
		as(userId: number, fn: () => void) {
			user = userId;
			doc.transact(fn);
		}
	};
}

function paragraph(fragment: Y.XmlFragment, text: string, index = fragment.length) {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	fragment.insert(index, [p]);
	return p;
}

function textOf(p: Y.XmlElement): Y.XmlText {
	return p.get(0) as Y.XmlText;
}

describe('diffText', () => {
	it('marks insertions and deletions character by character', () => {
		expect(diffText('建设数据中台', '建设统一数据中台')).toEqual([
			{ op: 'equal', text: '建设' },
			{ op: 'insert', text: '统一' },
			{ op: 'equal', text: '数据中台' }
		]);
		expect(diffText('abcdef', 'abxef')).toEqual([
			{ op: 'equal', text: 'ab' },
			{ op: 'delete', text: 'cd' },
			{ op: 'insert', text: 'x' },
			{ op: 'equal', text: 'ef' }
		]);
	});

	it('reassembles both sides for arbitrary inputs', () => {
		const cases = [
			['', ''],
			['', 'new'],
			['old', ''],
			['kitten', 'sitting'],
			['一二三四五', '五四三二一'],
			['a😀b', 'a😃b']
		];
		for (const [a, b] of cases) {
			const parts = diffText(a, b);
			expect(
				parts
					.filter((p) => p.op !== 'insert')
					.map((p) => p.text)
					.join('')
			).toBe(a);
			expect(
				parts
					.filter((p) => p.op !== 'delete')
					.map((p) => p.text)
					.join('')
			).toBe(b);
		}
	});
});

describe('buildVersions', () => {
	const log = (entries: [number, number | null, number][]): LogEntry[] =>
		entries.map(([id, userId, at]) => ({ id, userId, at }));

	it('groups sessions by idle gaps and lists every author with times', () => {
		const versions = buildVersions(
			log([
				[1, 7, 0],
				[2, 8, 1 * MIN],
				[3, 7, 2 * MIN],
				[4, 8, 30 * MIN],
				[5, 8, 31 * MIN]
			]),
			[]
		);
		expect(versions).toHaveLength(2);
		const [latest, first] = versions;
		expect(latest).toMatchObject({ kind: 'auto', from: 4, upTo: 5, start: 30 * MIN });
		expect(first).toMatchObject({ kind: 'auto', from: 1, upTo: 3, end: 2 * MIN });
		if (first.kind !== 'auto') throw new Error('auto');
		expect(first.authors).toEqual([
			{ userId: 7, updates: 2, first: 0, last: 2 * MIN },
			{ userId: 8, updates: 1, first: 1 * MIN, last: 1 * MIN }
		]);
	});

	it('cuts sessions at named versions and around restores', () => {
		const versions = buildVersions(
			log([
				[1, 7, 0],
				[2, 7, 1000],
				[3, 7, 2000],
				[4, 9, 3000],
				[5, 7, 4000]
			]),
			[
				{
					id: 1,
					kind: 'named',
					label: '初稿',
					updateId: 2,
					restoredUpTo: null,
					beforeUpdateId: null,
					userId: 7,
					at: 1500
				},
				{
					id: 2,
					kind: 'restore',
					label: '',
					updateId: 4,
					restoredUpTo: 2,
					beforeUpdateId: 3,
					userId: 9,
					at: 3000
				}
			]
		);
		expect(versions.map((v) => `${v.kind}:${v.upTo}`)).toEqual([
			'auto:5',
			'restore:4',
			'auto:4',
			'auto:3',
			'named:2',
			'auto:2'
		]);
	});
});

describe('attribution', () => {
	it('maps the items under a selection to the users whose updates wrote them', () => {
		const a = recordingDoc();
		const body = a.doc.getXmlFragment('body');
		let p!: Y.XmlElement;
		a.as(7, () => (p = paragraph(body, 'hello world')));
		// A second user, as another client: their update is applied to the shared doc.
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(a.doc));
		const before = Y.encodeStateVector(other);
		textOf(other.getXmlFragment('body').get(0) as Y.XmlElement).insert(6, 'big ');
		a.as(8, () => Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(other, before)));
		expect(fragmentText(body)).toBe('hello big world');

		const index = new AttributionIndex();
		a.log.forEach((entry, i) => index.add(entry.update, entry.userId, i * 1000));
		// Positions: 0 is before the paragraph, text starts at 1. "big " is [7, 11).
		const big = itemsInRange(body, 7, 11);
		expect(index.authorsOf(big)).toEqual([{ userId: 8, length: 4, first: 1000, last: 1000 }]);
		const hello = itemsInRange(body, 1, 6);
		expect(index.authorsOf(hello).map((h) => h.userId)).toEqual([7]);
		const all = index.authorsOf(itemsInRange(body, 1, 16));
		expect(all.map((h) => [h.userId, h.length])).toEqual([
			[7, 11],
			[8, 4]
		]);
		// The second user's words went into the first user's paragraph, not a new one.
		expect(body.length).toBe(1);
		expect(textOf(p).toString()).toBe('hello big world');
	});

	it('counts positions across paragraphs like ProseMirror', () => {
		const doc = new Y.Doc();
		const body = doc.getXmlFragment('body');
		paragraph(body, 'ab');
		paragraph(body, 'cd');
		// <p>ab</p><p>cd</p>: a=1, b=2, close=3, open=4, c=5, d=6
		const ranges = itemsInRange(body, 5, 6);
		expect(ranges).toHaveLength(1);
		expect(ranges[0].length).toBe(1);
	});
});

describe('revertUpdate', () => {
	it('brings the live document back to a past state as a new change', () => {
		const rec = recordingDoc();
		const body = rec.doc.getXmlFragment('body');
		const rows = rec.doc.getArray<Y.Map<unknown>>('block:keyProjects');
		rec.as(1, () => paragraph(body, '第一版正文'));
		rec.as(1, () => {
			const row = new Y.Map<unknown>();
			row.set('id', 'r1');
			row.set('name', new Y.Text('工程甲'));
			rows.push([row]);
		});
		const pointInTime = rec.log.length;
		rec.as(2, () => textOf(body.get(0) as Y.XmlElement).insert(0, '修改后'));
		rec.as(2, () => paragraph(body, '新段落'));
		rec.as(2, () => rows.delete(0, 1));
		rec.as(2, () => rec.doc.getXmlFragment('item:8.5.a').insert(0, [new Y.XmlText('x')]));

		const past = new Y.Doc({ gc: false });
		for (const entry of rec.log.slice(0, pointInTime)) Y.applyUpdate(past, entry.update);
		const update = revertUpdate(rec.doc, past);
		// Someone else connected receives the revert as an ordinary update.
		const peer = new Y.Doc();
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(rec.doc));
		Y.applyUpdate(rec.doc, update);
		Y.applyUpdate(peer, update);
		for (const doc of [rec.doc, peer]) {
			expect(fragmentText(doc.getXmlFragment('body'))).toBe('第一版正文');
			expect(fragmentText(doc.getXmlFragment('item:8.5.a'))).toBe('');
			expect(doc.getArray('block:keyProjects').toJSON()).toEqual([{ id: 'r1', name: '工程甲' }]);
		}
	});
});

describe('diffParts', () => {
	it('diffs prose parts and block rows between two documents', () => {
		const before = new Y.Doc();
		paragraph(before.getXmlFragment('body'), '原有正文');
		const after = new Y.Doc();
		paragraph(after.getXmlFragment('body'), '原有正文，补充');
		const row = new Y.Map<unknown>();
		row.set('id', 'r9');
		row.set('name', new Y.Text('新工程'));
		after.getArray('block:keyProjects').push([row]);
		const parts = diffParts(
			sectionParts(before, '9.1', ['keyProjects']),
			sectionParts(after, '9.1', ['keyProjects'])
		);
		const body = parts.find((p) => p.key === 'body');
		expect(body?.status).toBe('changed');
		expect(body?.diff).toContainEqual({ op: 'insert', text: '，补充' });
		const added = parts.find((p) => p.key === 'block:keyProjects:r9');
		expect(added?.status).toBe('added');
		expect(added?.diff.map((d) => d.op)).toEqual(['insert']);
	});
});

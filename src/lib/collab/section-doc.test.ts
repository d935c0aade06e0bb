import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getTemplate } from '../templates/registry.ts';
import {
	appendRows,
	blockJSON,
	blockRows,
	cellText,
	deleteRow,
	fragmentText,
	insertRow,
	isLive,
	moveRow,
	readSectionData,
	setCell
} from './section-doc.ts';

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

function paragraph(text: string): Y.XmlElement {
	const element = new Y.XmlElement('paragraph');
	element.insert(0, [new Y.XmlText(text)]);
	return element;
}

describe('structured blocks in a section document', () => {
	it('keep both first rows when two editors add to an empty block at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		insertRow(a, 'keyProjects', 0, { name: '城市大脑' });
		insertRow(b, 'keyProjects', 0, { name: '一网通办' });
		sync(a, b);
		const names = (blockJSON(a, 'keyProjects') as { name: string }[]).map((r) => r.name).sort();
		expect(names).toEqual(['一网通办', '城市大脑']);
		expect(blockJSON(b, 'keyProjects')).toEqual(blockJSON(a, 'keyProjects'));
	});

	it('give every row every declared field, text fields as Y.Text', () => {
		const doc = new Y.Doc();
		const id = insertRow(doc, 'keyProjects', 0);
		const row = blockRows(doc, 'keyProjects').get(0);
		expect(row.get('id')).toBe(id);
		expect(row.get('name')).toBeInstanceOf(Y.Text);
		expect(row.get('budget')).toBeNull();
		expect(row.get('needs')).toEqual([]);
	});

	it('merge two people typing in the same cell', () => {
		const a = new Y.Doc();
		appendRows(a, 'keyProjects', [{ id: 'p1', goal: '建成' }]);
		const b = new Y.Doc();
		sync(a, b);
		cellText(blockRows(a, 'keyProjects').get(0), 'goal').insert(0, '2028年');
		cellText(blockRows(b, 'keyProjects').get(0), 'goal').insert(2, '城市大脑');
		sync(a, b);
		expect((blockJSON(a, 'keyProjects')[0] as { goal: string }).goal).toBe('2028年建成城市大脑');
	});

	it('never write into a row another editor deleted (a page may still hold it)', () => {
		const a = new Y.Doc();
		appendRows(a, 'keyProjects', [{ id: 'p1', name: '城市大脑' }]);
		const b = new Y.Doc();
		sync(a, b);
		const held = blockRows(b, 'keyProjects').get(0);
		const heldName = cellText(held, 'name');
		expect(isLive(held)).toBe(true);
		deleteRow(a, 'keyProjects', 'p1');
		sync(a, b);
		expect(isLive(held)).toBe(false);
		expect(isLive(heldName)).toBe(false);

		const updates: Uint8Array[] = [];
		b.on('update', (update: Uint8Array) => updates.push(update));
		// What a torn-down input or a late change handler does with the row it held.
		expect(cellText(held, 'goal').toString()).toBe('');
		setCell(held, 'budget', 120);
		expect(updates).toEqual([]);
		expect(blockJSON(b, 'keyProjects')).toEqual([]);
	});

	it('move a row keeping its id and content, and delete by id', () => {
		const doc = new Y.Doc();
		appendRows(doc, 'phases', [
			{ id: 'a', name: '启动' },
			{ id: 'b', name: '建设' },
			{ id: 'c', name: '深化' }
		]);
		moveRow(doc, 'phases', 'a', 2);
		expect((blockJSON(doc, 'phases') as { id: string }[]).map((r) => r.id)).toEqual([
			'b',
			'c',
			'a'
		]);
		expect((blockJSON(doc, 'phases')[2] as { name: string }).name).toBe('启动');
		deleteRow(doc, 'phases', 'c');
		expect((blockJSON(doc, 'phases') as { id: string }[]).map((r) => r.id)).toEqual(['b', 'a']);
	});
});

describe('readSectionData', () => {
	it('flattens body, prose items and blocks for the conformance rules', () => {
		const doc = new Y.Doc();
		const list = new Y.XmlElement('bullet_list');
		const item = new Y.XmlElement('list_item');
		item.insert(0, [paragraph('统一数据底座')]);
		list.insert(0, [item]);
		doc.getXmlFragment('body').insert(0, [paragraph('总体架构'), list]);
		doc.getXmlFragment('item:9.4.a').insert(0, [paragraph('成立领导小组')]);
		appendRows(doc, 'keyProjects', [{ id: 'p1', name: '城市大脑' }]);
		const data = readSectionData(doc, getTemplate('9.1')!);
		expect(data.body).toBe('总体架构\n统一数据底座');
		expect(data.data.keyProjects).toEqual([
			expect.objectContaining({ id: 'p1', name: '城市大脑' })
		]);
		const section94 = readSectionData(doc, getTemplate('9.4')!);
		expect(section94.items['9.4.a']).toBe('成立领导小组');
		expect(fragmentText(doc.getXmlFragment('empty'))).toBe('');
	});
});
